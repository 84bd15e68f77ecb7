package org.vimana.cli.client;

import java.util.concurrent.Callable;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.format.Converters;
import org.vimana.cli.format.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vimana place --vcpus 4 --memory 8G}: where a new VM would go and why (for scripts such as
 * Terraform's external data source: {@code --json}, exit code 4 when no host can take it).
 */
@Command(
    name = "place",
    description = "Where would a new VM go, and why: ranked hosts and the ones ruled out.")
public final class PlaceCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--vcpus", required = true, paramLabel = "N", description = "Virtual CPUs.")
  int vcpus;

  @Option(
      names = "--memory",
      required = true,
      paramLabel = "SIZE",
      converter = Converters.MemoryMib.class,
      description = "Memory: 512M, 8G (a plain number is MiB).")
  long memoryMib;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    return main.run(
        () -> {
          Counts.atLeastOne("--vcpus", vcpus);
          PlacementAdvice a = main.client().placement(vcpus, memoryMib);
          json.print(main, a, BalanceTables::placement);
          if (a.best() == null) {
            throw new CliException(
                ExitCode.REFUSED,
                "no host can take a VM of "
                    + vcpus
                    + " vCPUs and "
                    + Sizes.formatMib(memoryMib)
                    + " now");
          }
        });
  }
}
