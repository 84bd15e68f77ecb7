package org.vimana.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.sim.store.VmRecord;
import org.vimana.sim.store.VmRecordFormat;

/** A migration target in another process, reached at its {@link PeerServer}. */
final class RemotePeer implements MigrationPeer {
  private static final int TIMEOUT_MS = 10_000;

  private final String host;
  private final int port;
  private final String name;

  RemotePeer(String host, int port, String name) {
    this.host = host;
    this.port = port;
    this.name = name;
  }

  @Override
  public void requirePrepared(String vmId) throws HypervisorException {
    call("prepared?", vmId, "", "", 0);
  }

  @Override
  public void incomingStarted(String vmId, String source) throws HypervisorException {
    call("started", vmId, source, "", 0);
  }

  @Override
  public void arrive(VmRecord departed, double busySeconds, String source)
      throws HypervisorException {
    call("arrive", departed.id(), source, VmRecordFormat.encode(departed), busySeconds);
  }

  @Override
  public void release(String vmId, String why) {
    try {
      call("release", vmId, why, "", 0);
    } catch (HypervisorException e) {
      // The target forgets an unstarted VM after its prepare timeout anyway.
    }
  }

  private void call(String op, String vmId, String source, String payload, double busy)
      throws HypervisorException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      s.setSoTimeout(TIMEOUT_MS);
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
      PeerWire.write(out, PeerWire.MAGIC);
      PeerWire.write(out, op);
      PeerWire.write(out, name);
      PeerWire.write(out, vmId);
      PeerWire.write(out, source);
      PeerWire.write(out, payload);
      out.writeDouble(busy);
      out.flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      String status = PeerWire.read(in);
      if (!status.equals("OK")) {
        Reason reason = reason(PeerWire.read(in));
        throw new HypervisorException(reason, PeerWire.read(in));
      }
    } catch (IOException e) {
      throw new HypervisorException(
          Reason.FAILED,
          "sim host " + name + " at " + host + ":" + port + " is unreachable: " + e.getMessage(),
          e);
    }
  }

  private static Reason reason(String s) {
    try {
      return Reason.valueOf(s);
    } catch (IllegalArgumentException e) {
      return Reason.FAILED;
    }
  }
}
