package org.vimana.manager.balance;

/** The cluster as it is right now, with the per-host migration limit, for re-checks. */
@FunctionalInterface
public interface LiveSource {
  LiveCluster now();
}
