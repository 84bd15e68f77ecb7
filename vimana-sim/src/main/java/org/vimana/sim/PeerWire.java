package org.vimana.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The sim migration peer protocol, one request per connection: the op, the VM id, the source host,
 * a payload (an encoded VmRecord for {@code arrive}) and the VM's busy seconds; the answer is
 * {@code OK}, or {@code ERR} with a {@link org.vimana.core.driver.HypervisorException.Reason} and a
 * message. Strings are length-prefixed UTF-8, bounded so that a bad peer cannot make us allocate
 * much.
 */
final class PeerWire {
  static final String MAGIC = "vimana-sim-peer/1";
  static final int MAX_STRING = 4 << 20;

  private PeerWire() {}

  static void write(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("bad string length " + n + " (at most " + MAX_STRING + ")");
    }
    byte[] b = new byte[n];
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new IOException("truncated message", e);
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
