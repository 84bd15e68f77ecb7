package org.vimana.manager.store.jdbc;

import java.time.Instant;
import javax.sql.DataSource;
import org.vimana.manager.store.TokenStore;

/** API token hashes in table {@code api_tokens}. */
public final class JdbcTokenStore implements TokenStore {
  private final Jdbc jdbc;

  public JdbcTokenStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public void add(String hash, String label) {
    jdbc.update(
        "INSERT INTO api_tokens (token_hash, label, created_at) VALUES (?,?,?)",
        ps -> {
          ps.setString(1, hash);
          ps.setString(2, label);
          ps.setTimestamp(3, Jdbc.ts(Instant.now()));
        });
  }

  @Override
  public boolean contains(String hash) {
    return jdbc.one(
            "SELECT token_hash FROM api_tokens WHERE token_hash=?",
            ps -> ps.setString(1, hash),
            rs -> rs.getString(1))
        .isPresent();
  }

  @Override
  public boolean isEmpty() {
    return jdbc.one("SELECT COUNT(*) FROM api_tokens", ps -> {}, rs -> rs.getLong(1)).orElse(0L)
        == 0;
  }
}
