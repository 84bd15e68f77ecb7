package org.vimana.balancer.plan;

import java.util.Objects;

/**
 * The result of re-checking a move before it runs.
 *
 * @param kind go ahead, wait, or drop
 * @param reason why it must wait or be dropped (empty for {@link Kind#OK})
 */
public record Verdict(Kind kind, String reason) {

  /** What to do with a move. */
  public enum Kind {
    /** Still valid: run it. */
    OK,
    /** Valid but a concurrency limit is reached: run it later. */
    DEFER,
    /** The cluster changed since the plan (the VM moved, disappeared, or is migrating): drop it. */
    STALE,
    /** It would now break a rule or overload the target: drop it. */
    INFEASIBLE
  }

  public static final Verdict OK = new Verdict(Kind.OK, "");

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  public static Verdict defer(String reason) {
    return new Verdict(Kind.DEFER, reason);
  }

  public static Verdict stale(String reason) {
    return new Verdict(Kind.STALE, reason);
  }

  public static Verdict infeasible(String reason) {
    return new Verdict(Kind.INFEASIBLE, reason);
  }

  public boolean ok() {
    return kind == Kind.OK;
  }
}
