package org.vimana.manager.node;

import java.util.List;
import org.vimana.core.event.VmEvent;
import org.vimana.core.host.HostInfo;
import org.vimana.core.vm.VmStatus;

/** What the node link tells the inventory; implemented by the inventory's reconciler. */
public interface NodeReports {
  /** A node said hello with its full inventory; returns the host's id. */
  String hello(HostInfo host, List<VmStatus> vms);

  void vmEvent(String hostId, VmEvent event);

  /** The host is gone (stream ended or heartbeats stopped). */
  void hostDown(String hostId, String reason);
}
