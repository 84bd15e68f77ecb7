package org.vimana.cli.client;

import java.util.concurrent.Callable;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vimana vm migrate NAME --to HOST}: live-migrates a VM and, unless {@code --no-wait}, waits
 * for the end, printing progress; exits non-zero when the migration failed or was cancelled.
 */
@Command(name = "migrate", description = "Live-migrate a running VM to another host.")
public final class VmMigrateCommand implements Callable<Integer> {
  private static final long POLL_MS = 500;

  @ParentCommand VmCommand parent;

  @Parameters(paramLabel = "NAME", description = "VM name or id.")
  String name;

  @Option(names = "--to", required = true, paramLabel = "HOST", description = "Target host.")
  String to;

  @Option(
      names = "--max-downtime",
      paramLabel = "MS",
      description = "Longest pause the guest may see at switch-over, in ms (default 300).")
  Long maxDowntimeMs;

  @Option(
      names = "--bandwidth",
      paramLabel = "MIB_S",
      description = "Cap on the transfer rate in MiB/s (default: none).")
  Long bandwidth;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Cancel the migration when it has not finished by then (default 300).")
  Long timeoutSeconds;

  @Option(names = "--no-wait", description = "Return once the migration has started.")
  boolean noWait;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    Main main = parent.main();
    int[] code = {ExitCode.OK};
    int ran =
        main.run(
            () -> {
              VimanaClient client = main.client();
              MigrationView m =
                  client.migrate(
                      name, new MigrateRequest(to, maxDowntimeMs, bandwidth, timeoutSeconds));
              if (!noWait) {
                m = await(main, client, m);
              }
              if (noWait) {
                json.printLine(main, m, VmMigrateCommand::started);
              } else {
                json.printLine(main, m, MigrationViews::outcome);
              }
              if (m.state().equals("failed") || m.state().equals("cancelled")) {
                code[0] = ExitCode.REFUSED;
              }
            });
    return ran != ExitCode.OK ? ran : code[0];
  }

  private static String started(MigrationView m) {
    return "vm " + m.vmName() + ": migration " + m.id() + " " + m.state();
  }

  private MigrationView await(Main main, VimanaClient client, MigrationView started)
      throws Exception {
    MigrationView m = started;
    Integer shown = null;
    while (m.endedAt() == null) {
      Thread.sleep(POLL_MS);
      m = client.migration(m.id());
      Integer p = m.progressPercent();
      if (!json.requested() && p != null && !p.equals(shown) && m.endedAt() == null) {
        main.out()
            .println("vm " + m.vmName() + ": " + m.state() + " to " + m.target() + ", " + p + "%");
        shown = p;
      }
    }
    if (m.state() == null) {
      throw new CliException(ExitCode.FAILURE, "the manager reported no state");
    }
    return m;
  }
}
