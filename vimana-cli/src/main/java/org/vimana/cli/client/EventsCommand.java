package org.vimana.cli.client;

import org.vimana.cli.CliException;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vimana events [--vm NAME] [--limit N]}: the event history, newest first. */
@Command(name = "events", description = "Show the event history, newest first.")
public final class EventsCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--vm", paramLabel = "NAME", description = "Only the events of this VM.")
  String vm;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N events (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = Json.HELP)
  boolean json;

  @Override
  public Integer call() {
    return main.run(
        () -> {
          if (limit < 1) {
            throw CliException.usage("--limit must be at least 1, got " + limit);
          }
          var events = main.client().events(vm, limit);
          if (json) {
            main.printJson(events);
          } else {
            main.out().print(Views.eventTable(events));
          }
        });
  }
}
