package org.vimana.driver.libvirt;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;

/** Reads the serial console logs libvirt writes (a {@code <log>} on the VM's serial port). */
final class ConsoleLogs {
  private ConsoleLogs() {}

  /** The last {@code maxBytes} bytes of {@code log}, "" when it does not exist (yet). */
  static String tail(Path log, int maxBytes) throws HypervisorException {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, f.length() - Math.max(0, maxBytes));
      byte[] buf = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HypervisorException(Reason.FAILED, "cannot read console log " + log, e);
    }
  }
}
