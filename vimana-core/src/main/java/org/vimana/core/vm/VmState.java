package org.vimana.core.vm;

/** Lifecycle state of a VM. The transitions between them live in {@link VmLifecycle}. */
public enum VmState {
  /** Defined on a host, never started since. */
  DEFINED,
  STARTING,
  RUNNING,
  PAUSED,
  SHUTTING_DOWN,
  STOPPED,
  MIGRATING,
  CRASHED,
  /** The manager lost contact with the VM's host; only the manager uses this state. */
  UNKNOWN;

  /** Whether the VM holds CPU and memory on its host in this state. */
  public boolean consumesResources() {
    return switch (this) {
      case STARTING, RUNNING, PAUSED, SHUTTING_DOWN, MIGRATING -> true;
      case DEFINED, STOPPED, CRASHED, UNKNOWN -> false;
    };
  }

  /** Lower-case name used on the wire and in the CLI ("shutting_down"). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
