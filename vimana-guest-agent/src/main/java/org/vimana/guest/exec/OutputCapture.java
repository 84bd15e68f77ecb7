package org.vimana.guest.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Drains a process stream on its own thread, keeping at most {@code limit} bytes. */
final class OutputCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int limit;
  private final Thread thread;
  private volatile boolean truncated;

  OutputCapture(InputStream in, int limit, String name) {
    this.limit = limit;
    this.thread = new Thread(() -> drain(in), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (kept) {
          int room = limit - kept.size();
          if (n > room) {
            truncated = true; // keep draining so the child never blocks on a full pipe
          }
          kept.write(buf, 0, Math.max(0, Math.min(n, room)));
        }
      }
    } catch (IOException e) {
      // the process closed its end: what was read is kept
    }
  }

  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  byte[] bytes() {
    synchronized (kept) {
      return kept.toByteArray();
    }
  }

  boolean truncated() {
    return truncated;
  }
}
