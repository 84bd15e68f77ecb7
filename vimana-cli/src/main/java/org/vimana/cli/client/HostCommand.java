package org.vimana.cli.client;

import java.util.Locale;
import org.vimana.cli.CliException;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana host list|show|maintenance}. */
@Command(name = "host", description = "Physical hosts: list, show, maintenance mode.")
public final class HostCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: list, show, maintenance");
  }

  @Command(name = "list", description = "List hosts with their live CPU and memory figures.")
  int list(@Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().hosts(), Views::hostTable));
  }

  @Command(name = "show", description = "Show one host.")
  int show(
      @Parameters(paramLabel = "HOST", description = "Host name or id.") String host,
      @Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().host(host), Views::host));
  }

  @Command(
      name = "maintenance",
      description = "Put a host into maintenance (no new VMs are placed on it) or take it out.")
  int maintenance(
      @Parameters(index = "0", paramLabel = "HOST", description = "Host name or id.") String host,
      @Parameters(index = "1", paramLabel = "on|off") String mode,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          boolean enabled =
              switch (mode.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default ->
                    throw CliException.usage(
                        "maintenance mode must be 'on' or 'off', got '" + mode + "'");
              };
          json.printLine(
              main,
              main.client().setMaintenance(host, enabled),
              h -> "host " + h.name() + ": maintenance " + (h.maintenance() ? "on" : "off"));
        });
  }
}
