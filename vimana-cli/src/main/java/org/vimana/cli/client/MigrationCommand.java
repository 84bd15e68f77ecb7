package org.vimana.cli.client;

import org.vimana.api.model.MigrationView;
import org.vimana.cli.CliException;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
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
      @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N.")
          int limit,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(
        () -> {
          if (limit < 1) {
            throw CliException.usage("--limit must be at least 1, got " + limit);
          }
          var list = main.client().migrations(vm, limit);
          if (json) {
            main.printJson(list);
          } else {
            main.out().print(MigrationViews.table(list));
          }
        });
  }

  @Command(name = "show", description = "Show one migration with its progress or figures.")
  int show(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(
        () -> {
          MigrationView m = main.client().migration(id);
          if (json) {
            main.printJson(m);
          } else {
            main.out().print(MigrationViews.show(m));
          }
        });
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
