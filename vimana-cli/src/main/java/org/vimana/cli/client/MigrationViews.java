package org.vimana.cli.client;

import static org.vimana.cli.format.Table.Field.left;
import static org.vimana.cli.format.Table.Field.right;

import java.util.List;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.SnapshotView;
import org.vimana.cli.format.KeyValues;
import org.vimana.cli.format.Table;

/** How migrations and snapshots print. */
final class MigrationViews {
  private MigrationViews() {}

  static String table(List<MigrationView> list) {
    return Table.of(
        list,
        left("ID", MigrationView::id),
        left("VM", MigrationView::vmName),
        left("FROM", MigrationView::source),
        left("TO", MigrationView::target),
        left("STATE", MigrationView::state),
        right("TOTAL_MS", MigrationView::totalMs),
        right("DOWNTIME_MS", MigrationView::downtimeMs),
        left("REQUESTED", m -> Views.time(m.requestedAt())));
  }

  static String show(MigrationView m) {
    KeyValues kv = new KeyValues();
    kv.add("Id", m.id());
    kv.add("VM", m.vmName());
    kv.add("From", m.source());
    kv.add("To", m.target());
    kv.add("State", m.state());
    kv.add("Progress", m.progressPercent() == null ? null : m.progressPercent() + "%");
    kv.add("Max downtime", m.maxDowntimeMs() + " ms");
    kv.add("Total", m.totalMs() == null ? null : m.totalMs() + " ms");
    kv.add("Downtime", m.downtimeMs() == null ? null : m.downtimeMs() + " ms");
    kv.add("Sent", m.transferredMib() == null ? null : m.transferredMib() + " MiB");
    kv.add("Requested", Views.time(m.requestedAt()));
    kv.add("Ended", Views.time(m.endedAt()));
    kv.add("Message", m.message());
    return kv.render();
  }

  /** One line for a finished migration, as {@code vm migrate} prints it. */
  static String outcome(MigrationView m) {
    return "vm " + m.vmName() + ": migration " + m.state() + ": " + m.message();
  }

  static String snapshots(List<SnapshotView> list) {
    return Table.of(
        list,
        left("NAME", SnapshotView::name),
        left("CREATED", s -> Views.time(s.createdAt())),
        left("VM_STATE", SnapshotView::vmState),
        left("DESCRIPTION", s -> Views.nonEmpty(s.description())));
  }
}
