package org.vimana.driver.libvirt.stats;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.jna.virTypedParameter;

/**
 * A libvirt-java {@link Connect} that can also take bulk statistics: it hands its native connection
 * (a protected field of {@link Connect}) to {@link LibvirtNative}.
 */
public class StatsConnect extends Connect {
  private static final int NODE_CPU_STATS_SIZE = LibvirtNative.VIR_NODE_CPU_STATS_FIELD_LENGTH + 8;

  public StatsConnect(String uri) throws LibvirtException {
    super(uri);
  }

  /** One domain's record from the bulk call: its UUID and its typed parameters by field name. */
  public record DomainRecord(String uuid, Map<String, Double> values) {}

  /**
   * One {@code virConnectGetAllDomainStats} call for every active domain: state, total CPU time,
   * vCPU count and interface counters, which libvirt reads from /proc and cgroups; with {@code
   * detail} also balloon (memory) and block counters, which QEMU's libvirt driver has to ask each
   * domain's monitor for (two or three QMP round trips per domain).
   */
  public List<DomainRecord> allDomainStats(boolean detail) throws StatsException {
    int what =
        LibvirtNative.VIR_DOMAIN_STATS_STATE
            | LibvirtNative.VIR_DOMAIN_STATS_CPU_TOTAL
            | LibvirtNative.VIR_DOMAIN_STATS_VCPU
            | LibvirtNative.VIR_DOMAIN_STATS_INTERFACE;
    if (detail) {
      what |= LibvirtNative.VIR_DOMAIN_STATS_BALLOON | LibvirtNative.VIR_DOMAIN_STATS_BLOCK;
    }
    PointerByReference ret = new PointerByReference();
    int n =
        LibvirtNative.INSTANCE.virConnectGetAllDomainStats(
            vcp, what, ret, LibvirtNative.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    if (n < 0) {
      throw new StatsException(
          "virConnectGetAllDomainStats failed: " + LibvirtNative.INSTANCE.virGetLastErrorMessage());
    }
    Pointer list = ret.getValue();
    List<DomainRecord> out = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        out.add(record(list.getPointer((long) i * Native.POINTER_SIZE)));
      }
    } finally {
      if (list != null) {
        LibvirtNative.INSTANCE.virDomainStatsRecordListFree(list);
      }
    }
    return out;
  }

  /** The host's cumulative CPU times in nanoseconds by field (kernel, user, idle, iowait). */
  public Map<String, Long> nodeCpuTimes() throws StatsException {
    IntByReference count = new IntByReference(0);
    check(
        LibvirtNative.INSTANCE.virNodeGetCPUStats(
            vcp, LibvirtNative.VIR_NODE_CPU_STATS_ALL_CPUS, null, count, 0));
    int n = count.getValue();
    Map<String, Long> out = new HashMap<>();
    if (n == 0) {
      return out;
    }
    Memory params = new Memory((long) n * NODE_CPU_STATS_SIZE);
    params.clear();
    check(
        LibvirtNative.INSTANCE.virNodeGetCPUStats(
            vcp, LibvirtNative.VIR_NODE_CPU_STATS_ALL_CPUS, params, count, 0));
    for (int i = 0; i < count.getValue(); i++) {
      long base = (long) i * NODE_CPU_STATS_SIZE;
      String field = params.getString(base, StandardCharsets.US_ASCII.name());
      out.put(field, params.getLong(base + LibvirtNative.VIR_NODE_CPU_STATS_FIELD_LENGTH));
    }
    return out;
  }

  /**
   * Registers {@code callback} for every domain's watchdog events (VIR_DOMAIN_EVENT_ID_WATCHDOG,
   * which libvirt-java 0.5.x does not wrap). The caller keeps {@code callback} strongly reachable
   * until {@link #deregisterDomainEvent deregistered}: libvirt holds only its native address.
   *
   * @return the callback id for {@link #deregisterDomainEvent}
   */
  public int registerWatchdogCallback(LibvirtNative.WatchdogCallback callback)
      throws StatsException {
    int id =
        LibvirtNative.INSTANCE.virConnectDomainEventRegisterAny(
            vcp, null, LibvirtNative.VIR_DOMAIN_EVENT_ID_WATCHDOG, callback, null, null);
    if (id < 0) {
      throw new StatsException(
          "cannot register the watchdog event callback: "
              + LibvirtNative.INSTANCE.virGetLastErrorMessage());
    }
    return id;
  }

  /** Unregisters a callback {@link #registerWatchdogCallback} registered. */
  public void deregisterDomainEvent(int callbackId) throws StatsException {
    check(LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(vcp, callbackId));
  }

  /** The UUID string of a native domain pointer (one libvirt passes to an event callback). */
  public static String uuidOf(Pointer domain) throws StatsException {
    byte[] uuid = new byte[37];
    check(LibvirtNative.INSTANCE.virDomainGetUUIDString(domain, uuid));
    return Native.toString(uuid, StandardCharsets.US_ASCII.name());
  }

  private static DomainRecord record(Pointer rec) throws StatsException {
    Pointer dom = rec.getPointer(0);
    Pointer params = rec.getPointer(Native.POINTER_SIZE);
    int nparams = rec.getInt(2L * Native.POINTER_SIZE);
    byte[] uuid = new byte[37];
    check(LibvirtNative.INSTANCE.virDomainGetUUIDString(dom, uuid));
    Map<String, Double> values = new HashMap<>();
    if (nparams > 0) {
      virTypedParameter first = new virTypedParameter(params);
      first.read();
      for (com.sun.jna.Structure s : first.toArray(nparams)) {
        TypedParameter p = TypedParameter.create((virTypedParameter) s);
        if (p != null && p.getType() != virTypedParameter.TYPED_PARAM_STRING) {
          values.put(p.field, number(p.getValueAsString()));
        }
      }
    }
    return new DomainRecord(Native.toString(uuid, StandardCharsets.US_ASCII.name()), values);
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return "true".equalsIgnoreCase(s) ? 1 : 0;
    }
  }

  private static void check(int rc) throws StatsException {
    if (rc < 0) {
      throw new StatsException(LibvirtNative.INSTANCE.virGetLastErrorMessage());
    }
  }

  /** A statistics call failed; the message is libvirt's. */
  public static final class StatsException extends Exception {
    private static final long serialVersionUID = 1L;

    public StatsException(String message) {
      super(message);
    }
  }
}
