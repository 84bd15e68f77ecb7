package org.vimana.driver.libvirt.stats;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.libvirt.jna.ConnectionPointer;

/** The few libvirt C functions libvirt-java 0.5.x lacks, bound with JNA. */
public interface LibvirtNative extends Library {
  /** The bound library (the same libvirt.so.0 libvirt-java loads). */
  LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

  int VIR_DOMAIN_STATS_STATE = 1;
  int VIR_DOMAIN_STATS_CPU_TOTAL = 2;
  int VIR_DOMAIN_STATS_BALLOON = 4;
  int VIR_DOMAIN_STATS_VCPU = 8;
  int VIR_DOMAIN_STATS_INTERFACE = 16;
  int VIR_DOMAIN_STATS_BLOCK = 32;
  int VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE = 1;
  int VIR_NODE_CPU_STATS_ALL_CPUS = -1;
  int VIR_NODE_CPU_STATS_FIELD_LENGTH = 80;

  int virConnectGetAllDomainStats(
      ConnectionPointer conn, int stats, PointerByReference retStats, int flags);

  void virDomainStatsRecordListFree(Pointer stats);

  int virDomainGetUUIDString(Pointer domain, byte[] buf);

  int virNodeGetCPUStats(
      ConnectionPointer conn, int cpuNum, Pointer params, IntByReference nparams, int flags);

  String virGetLastErrorMessage();

  /**
   * virDomainEventID's VIR_DOMAIN_EVENT_ID_WATCHDOG (LIFECYCLE 0, REBOOT 1, RTC_CHANGE 2, WATCHDOG
   * 3, IO_ERROR 4 ... in include/libvirt/libvirt-domain.h).
   */
  int VIR_DOMAIN_EVENT_ID_WATCHDOG = 3;

  /**
   * virConnectDomainEventWatchdogCallback: {@code void cb(virConnectPtr conn, virDomainPtr dom, int
   * action, void *opaque)}; {@code action} is a virDomainEventWatchdogAction.
   */
  interface WatchdogCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, int action, Pointer opaque);
  }

  /** Returns the callback id, or -1 on error. {@code dom} null: every domain. */
  int virConnectDomainEventRegisterAny(
      ConnectionPointer conn,
      Pointer dom,
      int eventId,
      Callback cb,
      Pointer opaque,
      Pointer freecb);

  int virConnectDomainEventDeregisterAny(ConnectionPointer conn, int callbackId);
}
