package org.vimana.cli.client;

import java.util.concurrent.Callable;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vimana events [--vm NAME] [--limit N]}: the event history, newest first. */
@Command(name = "events", description = "Show the event history, newest first.")
public final class EventsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--vm", paramLabel = "NAME", description = "Only the events of this VM.")
  String vm;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N events (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    return main.run(
        () -> {
          Counts.atLeastOne("--limit", limit);
          var events = main.client().events(vm, limit);
          json.print(main, events, Views::eventTable);
        });
  }
}
