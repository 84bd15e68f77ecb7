package org.vimana.driver.libvirt.event;

import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's default event loop, process-wide: registered once before the first connection is opened
 * (libvirt requires that order for events) and run on a daemon thread for the life of the process.
 */
public final class EventLoop {
  private static boolean started;

  private EventLoop() {}

  /** Registers and starts the loop unless already done. */
  public static synchronized void ensureStarted() throws LibvirtException {
    if (started) {
      return;
    }
    Library.initEventLoop();
    Thread t = new Thread(EventLoop::run, "libvirt-event-loop");
    t.setDaemon(true);
    t.start();
    started = true;
  }

  private static void run() {
    try {
      Library.runEventLoop();
    } catch (LibvirtException e) {
      System.getLogger(EventLoop.class.getName())
          .log(System.Logger.Level.ERROR, "libvirt event loop stopped", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
