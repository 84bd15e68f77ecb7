package org.vimana.rpc.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.core.workload.Workload;
import org.vimana.rpc.BurstyWorkload;
import org.vimana.rpc.ConstantWorkload;
import org.vimana.rpc.DiurnalWorkload;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.HostInfoMsg;
import org.vimana.rpc.HostStatsMsg;
import org.vimana.rpc.TraceWorkload;
import org.vimana.rpc.VmActionKind;
import org.vimana.rpc.VmEventMsg;
import org.vimana.rpc.VmSpecMsg;
import org.vimana.rpc.VmStateMsg;
import org.vimana.rpc.VmStatsMsg;
import org.vimana.rpc.VmStatusMsg;
import org.vimana.rpc.WorkloadMsg;

/**
 * Two-way conversion between wire messages and core records. Conversions from the wire validate
 * through the records' constructors, so a malformed message surfaces as an {@link
 * IllegalArgumentException} naming the bad field.
 */
public final class WireMapper {
  private WireMapper() {}

  public static HostInfoMsg toWire(HostInfo h) {
    HostCapacity c = h.capacity();
    return HostInfoMsg.newBuilder()
        .setName(h.name())
        .setDriver(h.driver())
        .setHypervisor(h.hypervisor())
        .setCpuCores(c.cpuCores())
        .setCpuMhz(c.cpuMhz())
        .setMemoryMib(c.memoryMib())
        .setDiskGib(c.diskGib())
        .setCpuModel(h.cpuModel())
        .build();
  }

  public static HostInfo fromWire(HostInfoMsg m) {
    return new HostInfo(
        m.getName(),
        m.getDriver(),
        m.getHypervisor(),
        new HostCapacity(m.getCpuCores(), m.getCpuMhz(), m.getMemoryMib(), m.getDiskGib()),
        m.getCpuModel());
  }

  public static VmSpecMsg toWire(VmSpec s) {
    return VmSpecMsg.newBuilder()
        .setName(s.name())
        .setVcpus(s.vcpus())
        .setMemoryMib(s.memoryMib())
        .setDiskGib(s.diskGib())
        .setImage(s.image())
        .setWorkload(toWire(s.workload()))
        .putAllLabels(s.labels())
        .build();
  }

  public static VmSpec fromWire(VmSpecMsg m) {
    return new VmSpec(
        m.getName(),
        m.getVcpus(),
        m.getMemoryMib(),
        m.getDiskGib(),
        m.getImage(),
        m.hasWorkload() ? fromWire(m.getWorkload()) : null,
        m.getLabelsMap());
  }

  public static WorkloadMsg toWire(Workload w) {
    WorkloadMsg.Builder b = WorkloadMsg.newBuilder();
    if (w instanceof Workload.Constant c) {
      b.setConstant(ConstantWorkload.newBuilder().setCpu(c.cpu()).setMemory(c.memory()));
    } else if (w instanceof Workload.Diurnal d) {
      b.setDiurnal(
          DiurnalWorkload.newBuilder()
              .setBase(d.base())
              .setAmplitude(d.amplitude())
              .setPeriodSeconds(d.periodSeconds())
              .setPhaseSeconds(d.phaseSeconds())
              .setMemory(d.memory()));
    } else if (w instanceof Workload.Bursty u) {
      b.setBursty(
          BurstyWorkload.newBuilder()
              .setBase(u.base())
              .setPeak(u.peak())
              .setBurstProbability(u.burstProbability())
              .setBurstSeconds(u.burstSeconds())
              .setSeed(u.seed())
              .setMemory(u.memory()));
    } else if (w instanceof Workload.Trace t) {
      b.setTrace(
          TraceWorkload.newBuilder()
              .addAllCpuSamples(t.cpuSamples())
              .setIntervalSeconds(t.intervalSeconds())
              .setMemory(t.memory()));
    }
    return b.build();
  }

  public static Workload fromWire(WorkloadMsg m) {
    return switch (m.getKindCase()) {
      case CONSTANT -> new Workload.Constant(m.getConstant().getCpu(), m.getConstant().getMemory());
      case DIURNAL -> {
        DiurnalWorkload d = m.getDiurnal();
        yield new Workload.Diurnal(
            d.getBase(),
            d.getAmplitude(),
            d.getPeriodSeconds(),
            d.getPhaseSeconds(),
            d.getMemory());
      }
      case BURSTY -> {
        BurstyWorkload u = m.getBursty();
        yield new Workload.Bursty(
            u.getBase(),
            u.getPeak(),
            u.getBurstProbability(),
            u.getBurstSeconds(),
            u.getSeed(),
            u.getMemory());
      }
      case TRACE -> {
        TraceWorkload t = m.getTrace();
        yield new Workload.Trace(t.getCpuSamplesList(), t.getIntervalSeconds(), t.getMemory());
      }
      case KIND_NOT_SET -> Workload.idle();
    };
  }

  public static VmStateMsg toWire(VmState s) {
    return VmStateMsg.valueOf("VM_STATE_" + s.name());
  }

  public static VmState fromWire(VmStateMsg m) {
    if (m == VmStateMsg.VM_STATE_UNSPECIFIED || m == VmStateMsg.UNRECOGNIZED) {
      throw new IllegalArgumentException("VM state is missing or unknown: " + m);
    }
    return VmState.valueOf(m.name().substring("VM_STATE_".length()));
  }

  public static VmStatusMsg toWire(VmStatus v) {
    return VmStatusMsg.newBuilder()
        .setId(v.id())
        .setSpec(toWire(v.spec()))
        .setState(toWire(v.state()))
        .setBootCount(v.bootCount())
        .build();
  }

  public static VmStatus fromWire(VmStatusMsg m) {
    return new VmStatus(m.getId(), fromWire(m.getSpec()), fromWire(m.getState()), m.getBootCount());
  }

  public static List<VmStatus> fromWire(List<VmStatusMsg> ms) {
    List<VmStatus> out = new ArrayList<>(ms.size());
    for (VmStatusMsg m : ms) {
      out.add(fromWire(m));
    }
    return out;
  }

  public static VmActionKind toWire(VmAction a) {
    return switch (a) {
      case START -> VmActionKind.VM_ACTION_START;
      case SHUTDOWN -> VmActionKind.VM_ACTION_SHUTDOWN;
      case REBOOT -> VmActionKind.VM_ACTION_REBOOT;
      case FORCE_STOP -> VmActionKind.VM_ACTION_FORCE_STOP;
      case SUSPEND -> VmActionKind.VM_ACTION_SUSPEND;
      case RESUME -> VmActionKind.VM_ACTION_RESUME;
      case DELETE -> VmActionKind.VM_ACTION_DELETE;
      case MIGRATE -> throw new IllegalArgumentException("migration is not a plain VM action");
    };
  }

  public static VmAction fromWire(VmActionKind k) {
    return switch (k) {
      case VM_ACTION_START -> VmAction.START;
      case VM_ACTION_SHUTDOWN -> VmAction.SHUTDOWN;
      case VM_ACTION_REBOOT -> VmAction.REBOOT;
      case VM_ACTION_FORCE_STOP -> VmAction.FORCE_STOP;
      case VM_ACTION_SUSPEND -> VmAction.SUSPEND;
      case VM_ACTION_RESUME -> VmAction.RESUME;
      case VM_ACTION_DELETE -> VmAction.DELETE;
      case VM_ACTION_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("VM action is missing or unknown: " + k);
    };
  }

  public static VmEventMsg toWire(VmEvent e) {
    return VmEventMsg.newBuilder()
        .setVmId(e.vmId())
        .setType(e.type().name())
        .setState(toWire(e.state()))
        .setAtMs(e.at().toEpochMilli())
        .setMessage(e.message())
        .build();
  }

  public static VmEvent fromWire(VmEventMsg m) {
    VmEventType type;
    try {
      type = VmEventType.valueOf(m.getType());
    } catch (IllegalArgumentException e) {
      type = VmEventType.STATE_CHANGED;
    }
    return new VmEvent(
        m.getVmId(),
        type,
        fromWire(m.getState()),
        Instant.ofEpochMilli(m.getAtMs()),
        m.getMessage());
  }

  public static HostStatsMsg toWire(HostStats s) {
    HostStatsMsg.Builder b =
        HostStatsMsg.newBuilder()
            .setAtMs(s.at().toEpochMilli())
            .setCpuPercent(s.cpuPercent())
            .setMemoryUsedMib(s.memoryUsedMib());
    for (VmStats v : s.vms()) {
      b.addVms(
          VmStatsMsg.newBuilder()
              .setVmId(v.vmId())
              .setCpuPercent(v.cpuPercent())
              .setMemoryUsedMib(v.memoryUsedMib())
              .setNetRxBytes(v.netRxBytes())
              .setNetTxBytes(v.netTxBytes())
              .setDiskReadBytes(v.diskReadBytes())
              .setDiskWriteBytes(v.diskWriteBytes()));
    }
    return b.build();
  }

  public static HostStats fromWire(HostStatsMsg m) {
    List<VmStats> vms = new ArrayList<>(m.getVmsCount());
    for (VmStatsMsg v : m.getVmsList()) {
      vms.add(
          new VmStats(
              v.getVmId(),
              v.getCpuPercent(),
              v.getMemoryUsedMib(),
              v.getNetRxBytes(),
              v.getNetTxBytes(),
              v.getDiskReadBytes(),
              v.getDiskWriteBytes()));
    }
    return new HostStats(
        Instant.ofEpochMilli(m.getAtMs()), m.getCpuPercent(), m.getMemoryUsedMib(), vms);
  }

  public static ErrorKind toWire(HypervisorException.Reason r) {
    return switch (r) {
      case NOT_FOUND -> ErrorKind.ERROR_NOT_FOUND;
      case ALREADY_EXISTS -> ErrorKind.ERROR_ALREADY_EXISTS;
      case INVALID_STATE -> ErrorKind.ERROR_INVALID_STATE;
      case NO_CAPACITY -> ErrorKind.ERROR_NO_CAPACITY;
      case UNSUPPORTED -> ErrorKind.ERROR_UNSUPPORTED;
      case FAILED -> ErrorKind.ERROR_FAILED;
    };
  }
}
