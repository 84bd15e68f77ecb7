package org.vimana.cli.client;

import org.vimana.api.model.MigrationView;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana migration list|show|cancel}: live migrations, running and past. */
@Command(name = "migration", description = "Live migrations: list, show, cancel.")
public final class MigrationCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: list, show, cancel");
  }

  @Command(name = "list", description = "List migrations, newest first.")
  int list(
      @Option(names = "--vm", paramLabel = "NAME", description = "Only this VM's.") String vm,
      @Mixin LimitOption limit,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          int n = limit.value();
          json.print(main, main.client().migrations(vm, n), MigrationViews::table);
        });
  }

  @Command(name = "show", description = "Show one migration with its progress or figures.")
  int show(@Parameters(paramLabel = "ID") String id, @Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().migration(id), MigrationViews::show));
  }

  @Command(name = "cancel", description = "Cancel a running migration; the VM stays on its source.")
  int cancel(@Parameters(paramLabel = "ID") String id) {
    return main.run(
        () -> {
          MigrationView m = main.client().cancelMigration(id);
          main.out().println("migration " + m.id() + ": cancel requested (" + m.state() + ")");
        });
  }
}
