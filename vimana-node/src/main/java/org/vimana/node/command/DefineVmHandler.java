package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmStatus;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.DefineVm;
import org.vimana.rpc.mapping.WireMapper;

/** Defines a VM and, when asked, starts it. */
final class DefineVmHandler implements CommandHandler {
  private final Hypervisor hypervisor;

  DefineVmHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    VmStatus vm = run(command);
    if (vm != null) {
      result.setVm(WireMapper.toWire(vm));
    }
  }

  private VmStatus run(Command command) throws HypervisorException {
    DefineVm d = command.getDefine();
    if (d.getVmId().isEmpty()) {
      throw new IllegalArgumentException("define: vm_id is required");
    }
    if (!d.hasSpec()) {
      throw new IllegalArgumentException("define: spec is required");
    }
    VmSpec spec = WireMapper.fromWire(d.getSpec());
    VmStatus status = hypervisor.define(d.getVmId(), spec);
    if (d.getStart()) {
      hypervisor.start(d.getVmId());
      return hypervisor.find(d.getVmId()).orElse(status);
    }
    return status;
  }
}
