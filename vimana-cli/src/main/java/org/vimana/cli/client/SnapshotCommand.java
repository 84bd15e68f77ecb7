package org.vimana.cli.client;

import java.util.List;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.api.model.SnapshotView;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
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
  int list(
      @Parameters(paramLabel = "VM") String vm,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(() -> print(main.client().snapshots(vm), json));
  }

  @Command(name = "create", description = "Take a snapshot (disk, and memory when running).")
  int create(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Option(names = "--description", paramLabel = "TEXT") String description,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(
        () ->
            print(main.client().createSnapshot(vm, new SnapshotRequest(name, description)), json));
  }

  @Command(name = "revert", description = "Revert a VM to a snapshot.")
  int revert(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(() -> print(main.client().revertSnapshot(vm, name), json));
  }

  @Command(name = "delete", description = "Delete a snapshot.")
  int delete(
      @Parameters(index = "0", paramLabel = "VM") String vm,
      @Parameters(index = "1", paramLabel = "NAME") String name,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(() -> print(main.client().deleteSnapshot(vm, name), json));
  }

  private void print(List<SnapshotView> list, boolean json) throws Exception {
    if (json) {
      main.printJson(list);
    } else {
      main.out().print(MigrationViews.snapshots(list));
    }
  }
}
