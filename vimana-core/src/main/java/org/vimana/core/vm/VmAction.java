package org.vimana.core.vm;

/** What an operator (or the system) can ask of a VM. */
public enum VmAction {
  START,
  /** Graceful shutdown through the guest (ACPI power button). */
  SHUTDOWN,
  REBOOT,
  /** Forced power-off, the equivalent of pulling the plug. */
  FORCE_STOP,
  SUSPEND,
  RESUME,
  MIGRATE,
  DELETE;

  /** Lower-case, dash-separated name used in REST paths ("force-stop"). */
  public String pathName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Parses a REST path or CLI name ("force-stop", "force_stop", "FORCE_STOP"). */
  public static VmAction fromPathName(String name) {
    for (VmAction a : values()) {
      if (a.pathName().equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown VM action '" + name + "'");
  }
}
