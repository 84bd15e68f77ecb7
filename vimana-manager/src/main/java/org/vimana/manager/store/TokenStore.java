package org.vimana.manager.store;

/** API tokens, stored as SHA-256 hashes only. */
public interface TokenStore {
  void add(String hash, String label);

  boolean contains(String hash);

  boolean isEmpty();
}
