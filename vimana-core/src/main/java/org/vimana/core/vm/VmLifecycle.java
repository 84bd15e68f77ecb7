package org.vimana.core.vm;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VM state machine as two tables: which actions each state accepts (and the state the action
 * leads to at once), and which state changes a hypervisor may report. Drivers and the manager both
 * consult it, so a VM cannot, say, be suspended while stopped on one back end and not another.
 */
public final class VmLifecycle {
  private static final Map<VmState, Map<VmAction, VmState>> ACTIONS = new EnumMap<>(VmState.class);
  private static final Map<VmState, Set<VmState>> TRANSITIONS = new EnumMap<>(VmState.class);

  static {
    action(VmState.DEFINED, VmAction.START, VmState.STARTING);
    action(VmState.DEFINED, VmAction.DELETE, VmState.DEFINED);
    action(VmState.STOPPED, VmAction.START, VmState.STARTING);
    action(VmState.STOPPED, VmAction.DELETE, VmState.STOPPED);
    action(VmState.CRASHED, VmAction.START, VmState.STARTING);
    action(VmState.CRASHED, VmAction.FORCE_STOP, VmState.STOPPED);
    action(VmState.CRASHED, VmAction.DELETE, VmState.CRASHED);
    action(VmState.STARTING, VmAction.FORCE_STOP, VmState.STOPPED);
    action(VmState.RUNNING, VmAction.SHUTDOWN, VmState.SHUTTING_DOWN);
    action(VmState.RUNNING, VmAction.REBOOT, VmState.STARTING);
    action(VmState.RUNNING, VmAction.FORCE_STOP, VmState.STOPPED);
    action(VmState.RUNNING, VmAction.SUSPEND, VmState.PAUSED);
    action(VmState.RUNNING, VmAction.MIGRATE, VmState.MIGRATING);
    action(VmState.PAUSED, VmAction.RESUME, VmState.RUNNING);
    action(VmState.PAUSED, VmAction.FORCE_STOP, VmState.STOPPED);
    action(VmState.PAUSED, VmAction.MIGRATE, VmState.MIGRATING);
    action(VmState.SHUTTING_DOWN, VmAction.FORCE_STOP, VmState.STOPPED);

    transitions(VmState.DEFINED, VmState.STARTING);
    transitions(VmState.STARTING, VmState.RUNNING, VmState.STOPPED, VmState.CRASHED);
    transitions(
        VmState.RUNNING,
        VmState.PAUSED,
        VmState.SHUTTING_DOWN,
        VmState.STOPPED,
        VmState.MIGRATING,
        VmState.CRASHED,
        VmState.STARTING);
    transitions(
        VmState.PAUSED, VmState.RUNNING, VmState.STOPPED, VmState.MIGRATING, VmState.CRASHED);
    transitions(VmState.SHUTTING_DOWN, VmState.STOPPED, VmState.CRASHED, VmState.RUNNING);
    transitions(VmState.STOPPED, VmState.STARTING);
    transitions(VmState.MIGRATING, VmState.RUNNING, VmState.PAUSED, VmState.CRASHED);
    transitions(VmState.CRASHED, VmState.STARTING, VmState.STOPPED);
    // The manager leaves UNKNOWN for whatever the host reports when it is back.
    transitions(VmState.UNKNOWN, VmState.values());
  }

  private VmLifecycle() {}

  private static void action(VmState from, VmAction action, VmState to) {
    ACTIONS.computeIfAbsent(from, s -> new EnumMap<>(VmAction.class)).put(action, to);
  }

  private static void transitions(VmState from, VmState... to) {
    Set<VmState> set = EnumSet.noneOf(VmState.class);
    set.addAll(java.util.List.of(to));
    TRANSITIONS.put(from, set);
  }

  /** The state an accepted action leads to at once, or empty if the state refuses it. */
  public static Optional<VmState> apply(VmState from, VmAction action) {
    return Optional.ofNullable(ACTIONS.getOrDefault(from, Map.of()).get(action));
  }

  /** Whether {@code state} accepts {@code action}. */
  public static boolean accepts(VmState state, VmAction action) {
    return apply(state, action).isPresent();
  }

  /** The actions a VM in {@code state} accepts, for error messages and UIs. */
  public static Set<VmAction> acceptedActions(VmState state) {
    Map<VmAction, VmState> m = ACTIONS.getOrDefault(state, Map.of());
    return m.isEmpty() ? EnumSet.noneOf(VmAction.class) : EnumSet.copyOf(m.keySet());
  }

  /** Whether a hypervisor may move a VM from {@code from} to {@code to}. */
  public static boolean canTransition(VmState from, VmState to) {
    return from == to || TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
  }
}
