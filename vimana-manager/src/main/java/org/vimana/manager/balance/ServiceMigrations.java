package org.vimana.manager.balance;

import java.util.Optional;
import org.vimana.api.model.MigrateRequest;
import org.vimana.core.vm.MigrationState;
import org.vimana.manager.migration.MigrationService;
import org.vimana.manager.store.MigrationRecord;

/**
 * Live migrations through the manager's migration service, with its defaults (300 ms maximum
 * downtime, no bandwidth cap, 300 s timeout), its pre-checks and its per-host limit; each appears
 * in the VM's history like an operator's migration.
 */
public final class ServiceMigrations implements Migrations {
  private final MigrationService service;

  public ServiceMigrations(MigrationService service) {
    this.service = service;
  }

  @Override
  public String start(String vmId, String targetHost) {
    return service.start(vmId, new MigrateRequest(targetHost, null, null, null)).id();
  }

  @Override
  public Optional<Outcome> outcome(String migrationId) {
    MigrationRecord m = service.get(migrationId);
    if (!m.state().ended()) {
      return Optional.empty();
    }
    return Optional.of(new Outcome(m.state() == MigrationState.SUCCEEDED, message(m)));
  }

  private static String message(MigrationRecord m) {
    String text = m.message() == null ? "" : m.message();
    return "migration " + m.state().wireName() + (text.isEmpty() ? "" : ": " + text);
  }
}
