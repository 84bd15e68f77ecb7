package org.vimana.cli.client;

import java.util.Map;
import org.vimana.cli.Main;
import org.vimana.cli.format.Converters;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana template list|show|create|delete}. */
@Command(name = "template", description = "VM templates: list, show, create, delete.")
public final class TemplateCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand: list, show, create, delete");
  }

  @Command(name = "list", description = "List templates.")
  int list(@Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().templates(), Views::templateTable));
  }

  @Command(name = "show", description = "Show one template.")
  int show(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return main.run(() -> json.print(main, main.client().template(name), Views::template));
  }

  @Command(name = "create", description = "Create a template.")
  int create(
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--vcpus", required = true, paramLabel = "N", description = "vCPUs.")
          int vcpus,
      @Option(
              names = "--memory",
              required = true,
              paramLabel = "SIZE",
              converter = Converters.MemoryMib.class,
              description = "Memory, e.g. 512M, 4G (plain numbers are MiB).")
          long memoryMib,
      @Option(
              names = "--disk",
              paramLabel = "SIZE",
              defaultValue = "10G",
              converter = Converters.DiskGib.class,
              description = "Root disk, e.g. 20G, 1T (plain numbers are GiB; default 10G).")
          long diskGib,
      @Option(names = "--image", paramLabel = "IMAGE", description = "Base image of the disk.")
          String image,
      @Option(
              names = "--workload",
              paramLabel = "SPEC",
              converter = Converters.WorkloadSpec.class,
              description =
                  "Workload profile, e.g. constant:0.3, diurnal:base=0.4,amplitude=0.3,period=10m,"
                      + " bursty:0.05,0.9 (default: idle).")
          Workload workload,
      @Option(names = "--description", paramLabel = "TEXT") String description,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          Template t = new Template(name, description, vcpus, memoryMib, diskGib, image, workload);
          json.printLine(
              main, main.client().createTemplate(t), c -> "created template " + c.name());
        });
  }

  @Command(name = "delete", description = "Delete a template (VMs made from it are unaffected).")
  int delete(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return main.run(
        () -> {
          main.client().deleteTemplate(name);
          json.printLine(main, Map.of("deleted", name), d -> "deleted template " + name);
        });
  }
}
