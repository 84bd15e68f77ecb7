package org.vimana.guest.policy;

import java.util.Set;

/**
 * Which commands the guest allows. With an allow list only those run; the block list always wins;
 * the protocol's own commands (sync, ping, info) cannot be blocked or the host could not even learn
 * what is blocked. Blocking guest-file-write also refuses guest-file-open in a mode that writes, so
 * a blocked write cannot be had through truncation ("w").
 *
 * @param allow commands allowed, or null for all
 * @param block commands refused
 */
public record Policy(Set<String> allow, Set<String> block) {
  /** Commands that always run. */
  public static final Set<String> ALWAYS =
      Set.of("guest-sync", "guest-sync-delimited", "guest-ping", "guest-info");

  /** Everything allowed, as qemu-ga by default. */
  public static final Policy OPEN = new Policy(null, Set.of());

  public Policy {
    allow = allow == null ? null : Set.copyOf(allow);
    block = Set.copyOf(block);
  }

  public boolean allows(String command) {
    if (ALWAYS.contains(command)) {
      return true;
    }
    if (block.contains(command)) {
      return false;
    }
    return allow == null || allow.contains(command);
  }

  /** guest-file-open in a writing mode needs guest-file-write too. */
  public boolean allowsOpen(String mode) {
    boolean writes =
        mode != null && (mode.contains("w") || mode.contains("a") || mode.contains("+"));
    return !writes || allows("guest-file-write");
  }
}
