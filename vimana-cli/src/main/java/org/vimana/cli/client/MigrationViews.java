package org.vimana.cli.client;

import java.util.ArrayList;
import java.util.List;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.SnapshotView;
import org.vimana.cli.format.Table;
import org.vimana.cli.format.Table.Column;

/** How migrations and snapshots print. */
final class MigrationViews {
  private MigrationViews() {}

  static String table(List<MigrationView> list) {
    Table t =
        new Table(
            Column.left("ID"),
            Column.left("VM"),
            Column.left("FROM"),
            Column.left("TO"),
            Column.left("STATE"),
            Column.right("TOTAL_MS"),
            Column.right("DOWNTIME_MS"),
            Column.left("REQUESTED"));
    for (MigrationView m : list) {
      t.row(
          m.id(),
          m.vmName(),
          m.source(),
          m.target(),
          m.state(),
          m.totalMs(),
          m.downtimeMs(),
          Views.time(m.requestedAt()));
    }
    return t.render();
  }

  static String show(MigrationView m) {
    List<String[]> kv = new ArrayList<>();
    kv.add(new String[] {"Id", m.id()});
    kv.add(new String[] {"VM", m.vmName()});
    kv.add(new String[] {"From", m.source()});
    kv.add(new String[] {"To", m.target()});
    kv.add(new String[] {"State", m.state()});
    kv.add(
        new String[] {"Progress", m.progressPercent() == null ? null : m.progressPercent() + "%"});
    kv.add(new String[] {"Max downtime", m.maxDowntimeMs() + " ms"});
    kv.add(new String[] {"Total", m.totalMs() == null ? null : m.totalMs() + " ms"});
    kv.add(new String[] {"Downtime", m.downtimeMs() == null ? null : m.downtimeMs() + " ms"});
    kv.add(new String[] {"Sent", m.transferredMib() == null ? null : m.transferredMib() + " MiB"});
    kv.add(new String[] {"Requested", Views.time(m.requestedAt())});
    kv.add(new String[] {"Ended", Views.time(m.endedAt())});
    kv.add(new String[] {"Message", m.message()});
    return Table.keyValues(kv);
  }

  /** One line for a finished migration, as {@code vm migrate} prints it. */
  static String outcome(MigrationView m) {
    return "vm " + m.vmName() + ": migration " + m.state() + ": " + m.message();
  }

  static String snapshots(List<SnapshotView> list) {
    Table t =
        new Table(
            Column.left("NAME"),
            Column.left("CREATED"),
            Column.left("VM_STATE"),
            Column.left("DESCRIPTION"));
    for (SnapshotView s : list) {
      t.row(
          s.name(),
          Views.time(s.createdAt()),
          s.vmState(),
          s.description() == null || s.description().isEmpty() ? null : s.description());
    }
    return t.render();
  }
}
