package org.vimana.core.vm;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The life of one live migration, as a transition table: the manager prepares the target, the
 * source sends the VM, and it ends in exactly one of succeeded, failed or cancelled.
 */
public enum MigrationState {
  /** Checks passed; the target is being readied. */
  PREPARING,
  /** The source is sending the VM. */
  RUNNING,
  /** The VM runs on the target. */
  SUCCEEDED,
  /** The VM still runs on the source; the message says why. */
  FAILED,
  /** Stopped on request; the VM still runs on the source. */
  CANCELLED;

  private static final Map<MigrationState, Set<MigrationState>> NEXT =
      Map.of(
          PREPARING, EnumSet.of(RUNNING, FAILED, CANCELLED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED),
          SUCCEEDED, EnumSet.noneOf(MigrationState.class),
          FAILED, EnumSet.noneOf(MigrationState.class),
          CANCELLED, EnumSet.noneOf(MigrationState.class));

  public boolean canBecome(MigrationState next) {
    return NEXT.get(this).contains(next);
  }

  public boolean ended() {
    return NEXT.get(this).isEmpty();
  }

  /** Lower-case name used on the wire and in the CLI. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
