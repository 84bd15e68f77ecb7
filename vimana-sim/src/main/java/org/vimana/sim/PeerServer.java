package org.vimana.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.sim.store.VmRecordFormat;

/**
 * Lets sim hosts of other processes migrate VMs to this one: listens on loopback and hands each
 * request to the host's {@link SimMigrator}, one short connection per request. A malformed request
 * gets an error answer; the server goes on serving.
 */
final class PeerServer implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 10_000;

  private final ServerSocket socket;
  private final String hostName;
  private final MigrationPeer local;
  private final Thread acceptor;

  private PeerServer(ServerSocket socket, String hostName, MigrationPeer local) {
    this.socket = socket;
    this.hostName = hostName;
    this.local = local;
    this.acceptor = new Thread(this::serve, "sim-peer-" + hostName);
    this.acceptor.setDaemon(true);
  }

  static PeerServer start(String hostName, MigrationPeer local) throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    PeerServer server = new PeerServer(s, hostName, local);
    server.acceptor.start();
    return server;
  }

  /** The {@code peer} part of this host's migration URIs: {@code host:port}. */
  String address() {
    return socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket c = socket.accept()) {
        c.setSoTimeout(READ_TIMEOUT_MS);
        handle(c);
      } catch (IOException e) {
        // A closed server socket ends the loop; a broken client is that client's problem.
      }
    }
  }

  private void handle(Socket c) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(c.getInputStream()));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(c.getOutputStream()));
    try {
      if (!PeerWire.read(in).equals(PeerWire.MAGIC)) {
        throw new HypervisorException(Reason.UNSUPPORTED, "not a vimana sim peer request");
      }
      String op = PeerWire.read(in);
      String target = PeerWire.read(in);
      String vmId = PeerWire.read(in);
      String source = PeerWire.read(in);
      String payload = PeerWire.read(in);
      double busy = in.readDouble();
      if (!target.equals(hostName)) {
        throw new HypervisorException(
            Reason.NOT_FOUND, "this is sim host " + hostName + ", not " + target);
      }
      switch (op) {
        case "prepared?" -> local.requirePrepared(vmId);
        case "started" -> local.incomingStarted(vmId, source);
        case "arrive" -> local.arrive(decode(payload), busy, source);
        case "release" -> local.release(vmId, source);
        default -> throw new HypervisorException(Reason.UNSUPPORTED, "unknown op '" + op + "'");
      }
      PeerWire.write(out, "OK");
    } catch (HypervisorException e) {
      PeerWire.write(out, "ERR");
      PeerWire.write(out, e.reason().name());
      PeerWire.write(out, e.getMessage());
    } catch (IOException e) {
      PeerWire.write(out, "ERR");
      PeerWire.write(out, Reason.FAILED.name());
      PeerWire.write(out, "bad request: " + e.getMessage());
    }
    out.flush();
  }

  private static org.vimana.sim.store.VmRecord decode(String payload) throws HypervisorException {
    try {
      return VmRecordFormat.decode(payload);
    } catch (RuntimeException e) {
      throw new HypervisorException(Reason.FAILED, "bad VM record: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
