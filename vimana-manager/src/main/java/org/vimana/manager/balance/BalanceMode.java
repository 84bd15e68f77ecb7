package org.vimana.manager.balance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the daemon does with the plans it makes. */
public enum BalanceMode {
  /** No periodic plans; a plan asked for on demand is only advice. */
  OFF,
  /** Periodic and on-demand plans wait for an operator's approval. */
  RECOMMEND,
  /** Plans are carried out as soon as they are made. */
  AUTOMATIC;

  /** Lower-case name used on the wire and in the CLI. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BalanceMode parse(String text) {
    for (BalanceMode m : values()) {
      if (m.wireName().equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "mode must be one of "
            + Arrays.stream(values()).map(BalanceMode::wireName).collect(Collectors.joining(", "))
            + "; got '"
            + text
            + "'");
  }
}
