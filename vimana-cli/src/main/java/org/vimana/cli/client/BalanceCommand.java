package org.vimana.cli.client;

import java.time.Duration;
import java.util.List;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.format.Converters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana balance status|plan|apply|show|history|set}: the balancing daemon. */
@Command(
    name = "balance",
    description = "Load balancing by live migration: status, plan, apply, show, history, set.")
public final class BalanceCommand implements Runnable {
  private static final long POLL_MS = 500;
  private static final List<String> MODES = List.of("off", "recommend", "automatic");

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand: status, plan, apply, show, history, set");
  }

  @Command(name = "status", description = "Mode, strategy, last run and the plan waiting, if any.")
  int status(@Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().balance(), BalanceTables::status));
  }

  @Command(
      name = "plan",
      description =
          "Make a plan now: in recommend mode it waits for 'balance apply', in automatic mode it"
              + " is applied at once, while off it is advice only.")
  int plan(@Mixin JsonOption json) {
    return main.run(
        () -> {
          BalancePlanView p = main.client().balancePlan();
          json.print(main, p, BalanceTables::plan);
          if (!json.requested()
              && (p.status().equals("pending") || p.status().equals("advisory"))) {
            main.out().println("approve with: vimana balance apply " + p.id());
          }
        });
  }

  @Command(
      name = "apply",
      description =
          "Approve the pending plan (or PLAN_ID); each move is re-checked just before it starts.")
  int apply(
      @Parameters(
              arity = "0..1",
              paramLabel = "PLAN_ID",
              description = "Default: the pending plan.")
          String planId,
      @Option(names = "--wait", description = "Wait until every move has ended; print outcomes.")
          boolean wait,
      @Mixin JsonOption json) {
    int[] code = {ExitCode.OK};
    int ran =
        main.run(
            () -> {
              VimanaClient client = main.client();
              BalancePlanView p = client.applyBalancePlan(planId);
              if (wait) {
                while (p.status().equals("applying")) {
                  Thread.sleep(POLL_MS);
                  p = client.balancePlanById(p.id());
                }
              }
              if (wait) {
                json.print(main, p, BalanceTables::plan);
              } else {
                json.printLine(main, p, BalanceCommand::applying);
              }
              if (p.status().equals("interrupted")) {
                code[0] = ExitCode.FAILURE;
              } else if (p.failed() > 0) {
                code[0] = ExitCode.REFUSED;
              }
            });
    return ran != ExitCode.OK ? ran : code[0];
  }

  private static String applying(BalancePlanView p) {
    return "plan "
        + p.id()
        + ": applying "
        + p.moves().size()
        + " moves"
        + " (follow with: vimana balance show "
        + p.id()
        + ")";
  }

  @Command(name = "show", description = "Show one plan with every move's outcome.")
  int show(@Parameters(paramLabel = "PLAN_ID") String planId, @Mixin JsonOption json) {
    return main.run(
        () -> json.print(main, main.client().balancePlanById(planId), BalanceTables::plan));
  }

  @Command(name = "history", description = "Balancing decisions, newest first.")
  int history(@Mixin LimitOption limit, @Mixin JsonOption json) {
    return main.run(
        () -> {
          int n = limit.value();
          json.print(main, main.client().balanceHistory(n), BalanceTables::history);
        });
  }

  @Command(name = "set", description = "Change the mode, strategy, aggressiveness or interval.")
  int set(
      @Option(names = "--mode", paramLabel = "MODE", description = "off, recommend or automatic.")
          String mode,
      @Option(
              names = "--strategy",
              paramLabel = "SPEC",
              description =
                  "equalize, threshold:0.8, thr-mmt:0.8, ... (see 'vimana sim strategies').")
          String strategy,
      @Option(
              names = "--aggressiveness",
              paramLabel = "N",
              description = "1 (mandatory moves only) to 5: equalize's level.")
          Integer aggressiveness,
      @Option(
              names = "--interval",
              paramLabel = "DURATION",
              converter = Converters.DurationValue.class,
              description = "How often to plan: 30s, 5m, 1h (5s to 1d).")
          Duration interval,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          if (mode == null && strategy == null && aggressiveness == null && interval == null) {
            throw CliException.usage(
                "nothing to set: give --mode, --strategy, --aggressiveness or --interval");
          }
          if (mode != null && !MODES.contains(mode)) {
            throw CliException.usage(
                "--mode must be one of " + String.join(", ", MODES) + "; got '" + mode + "'");
          }
          if (strategy != null) {
            StrategySpecs.check(strategy);
          }
          if (aggressiveness != null && (aggressiveness < 1 || aggressiveness > 5)) {
            throw CliException.usage("--aggressiveness must be from 1 to 5, got " + aggressiveness);
          }
          Long seconds = interval == null ? null : interval.toSeconds();
          var s =
              main.client()
                  .setBalance(new BalanceSettingsRequest(mode, strategy, aggressiveness, seconds));
          json.print(main, s, BalanceTables::status);
        });
  }
}
