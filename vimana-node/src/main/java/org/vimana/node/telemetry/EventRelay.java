package org.vimana.node.telemetry;

import java.util.function.Consumer;
import org.vimana.core.event.VmEvent;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.mapping.WireMapper;

/**
 * Forwards every hypervisor event to the current connection as it happens. Between connections
 * events are dropped: the next connection's Hello carries the full inventory, which supersedes
 * them. Registered once as a hypervisor listener; never blocks the driver's thread for longer than
 * one serialized write.
 */
public final class EventRelay implements Consumer<VmEvent> {
  private volatile Outbox target;

  /** Sends events to {@code outbox} from now on ({@code null}: drop them). */
  public void target(Outbox outbox) {
    this.target = outbox;
  }

  @Override
  public void accept(VmEvent event) {
    forward(NodeMessage.newBuilder().setEvent(WireMapper.toWire(event)).build());
  }

  /** Sends any other report that lives and dies with the connection (migration progress). */
  public void forward(NodeMessage message) {
    Outbox t = target;
    if (t != null) {
      t.send(message);
    }
  }
}
