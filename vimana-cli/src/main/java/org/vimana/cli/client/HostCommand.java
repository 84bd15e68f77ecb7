package org.vimana.cli.client;

import java.util.Locale;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.HostView;
import org.vimana.cli.CliException;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
  int list(@Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(
        () -> {
          var hosts = main.client().hosts();
          if (json) {
            main.printJson(hosts);
          } else {
            main.out().print(Views.hostTable(hosts));
          }
        });
  }

  @Command(name = "show", description = "Show one host.")
  int show(
      @Parameters(paramLabel = "HOST", description = "Host name or id.") String host,
      @Option(names = "--json", description = Json.HELP) boolean json) {
    return main.run(
        () -> {
          HostView h = main.client().host(host);
          if (json) {
            main.printJson(h);
          } else {
            main.out().print(Views.host(h));
          }
        });
  }

  @Command(
      name = "maintenance",
      description = "Put a host into maintenance (no new VMs are placed on it) or take it out.")
  int maintenance(
      @Parameters(index = "0", paramLabel = "HOST", description = "Host name or id.") String host,
      @Parameters(index = "1", paramLabel = "on|off") String mode,
      @Option(names = "--json", description = Json.HELP) boolean json) {
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
          VimanaClient client = main.client();
          HostView h = client.setMaintenance(host, enabled);
          if (json) {
            main.printJson(h);
          } else {
            main.out()
                .println("host " + h.name() + ": maintenance " + (h.maintenance() ? "on" : "off"));
          }
        });
  }
}
