package org.vimana.manager.balance;

import java.util.Locale;

/** Why a plan was made. */
public enum Trigger {
  /** The daemon's timer. */
  PERIODIC,
  /** An operator asked ({@code POST /api/v1/balance/plan}). */
  ON_DEMAND;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
