package org.vimana.manager.balance;

import java.util.Locale;

/** Where a plan stands. */
public enum PlanStatus {
  /** The strategy found nothing to do. */
  EMPTY,
  /** Made in recommend mode; waits for approval. */
  PENDING,
  /** Made while balancing is off; only advice, but it may still be applied by id. */
  ADVISORY,
  /** A newer plan replaced it before it was approved. */
  SUPERSEDED,
  /** Its moves are being carried out. */
  APPLYING,
  /** Every move has ended: done, skipped or failed. */
  DONE,
  /** The manager stopped while it was being applied. */
  INTERRUPTED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an operator may still approve it. */
  public boolean applicable() {
    return this == PENDING || this == ADVISORY || this == SUPERSEDED;
  }
}
