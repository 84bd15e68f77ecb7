package org.vimana.core.event;

/** Kinds of VM event that drivers report. */
public enum VmEventType {
  DEFINED,
  STARTED,
  /** The VM's state changed for a reason other than those below. */
  STATE_CHANGED,
  SUSPENDED,
  RESUMED,
  SHUTDOWN,
  STOPPED,
  REBOOTED,
  CRASHED,
  MIGRATION_STARTED,
  MIGRATED,
  MIGRATION_FAILED,
  UNDEFINED,
  WATCHDOG,
  IO_ERROR,
  AGENT_CONNECTED,
  AGENT_DISCONNECTED
}
