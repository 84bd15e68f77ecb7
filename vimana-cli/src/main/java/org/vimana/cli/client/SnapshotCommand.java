package org.vimana.cli.client;

import org.vimana.api.model.SnapshotRequest;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana snapshot list|create|revert|delete VM [NAME]}: a VM's snapshots. */
@Command(name = "snapshot", description = "VM snapshots: list, create, revert, delete.")
public final class SnapshotCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand: list, create, revert, delete");
  }

  @Command(name = "list", description = "List a VM's snapshots, oldest first.")
  int list(@Parameters(paramLabel = "VM") String vm, @Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().snapshots(vm), MigrationViews::snapshots));
  }

  @Command(name = "create", description = "Take a snapshot (disk, and memory when running).")
  int create(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Option(names = "--description", paramLabel = "TEXT") String description,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          var request = new SnapshotRequest(name, description);
          json.print(main, main.client().createSnapshot(vm, request), MigrationViews::snapshots);
        });
  }

  @Command(name = "revert", description = "Revert a VM to a snapshot.")
  int revert(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Mixin JsonOption json) {
    return main.run(
        () -> json.print(main, main.client().revertSnapshot(vm, name), MigrationViews::snapshots));
  }

  @Command(name = "delete", description = "Delete a snapshot.")
  int delete(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Mixin JsonOption json) {
    return main.run(
        () -> json.print(main, main.client().deleteSnapshot(vm, name), MigrationViews::snapshots));
  }
}
