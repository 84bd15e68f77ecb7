package org.vimana.cli.client;

import java.util.List;
import java.util.concurrent.Callable;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.cli.Main;
import org.vimana.cli.format.Converters;
import org.vimana.core.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vimana vm create NAME (--template T | --vcpus N --memory SIZE) ...}. With a template, the
 * resource options override the template's values.
 */
@Command(
    name = "create",
    description = "Create a VM from a template or from explicit resources, and start it.")
public final class VmCreateCommand implements Callable<Integer> {
  @ParentCommand VmCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Name of the new VM.")
  String name;

  @Option(names = "--template", paramLabel = "T", description = "Template to create it from.")
  String template;

  @Option(names = "--vcpus", paramLabel = "N", description = "vCPUs.")
  Integer vcpus;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      converter = Converters.MemoryMib.class,
      description = "Memory, e.g. 512M, 4G (plain numbers are MiB).")
  Long memoryMib;

  @Option(
      names = "--disk",
      paramLabel = "SIZE",
      converter = Converters.DiskGib.class,
      description = "Root disk, e.g. 20G (plain numbers are GiB).")
  Long diskGib;

  @Option(names = "--image", paramLabel = "IMAGE", description = "Base image of the disk.")
  String image;

  @Option(
      names = "--workload",
      paramLabel = "SPEC",
      converter = Converters.WorkloadSpec.class,
      description = "Workload profile, e.g. constant:0.3 (overrides the template's).")
  Workload workload;

  @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
  List<String> tags;

  @Option(names = "--host", paramLabel = "HOST", description = "Place it on this host.")
  String host;

  @Option(names = "--no-start", description = "Define the VM but do not start it.")
  boolean noStart;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    if (template == null && (vcpus == null || memoryMib == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "give --template T, or both --vcpus N and --memory SIZE"
              + (vcpus == null && memoryMib == null
                  ? ""
                  : vcpus == null ? " (--vcpus is missing)" : " (--memory is missing)"));
    }
    if (vcpus != null && vcpus < 1) {
      throw new ParameterException(spec.commandLine(), "--vcpus must be at least 1, got " + vcpus);
    }
    Main main = parent.main();
    return main.run(
        () -> {
          CreateVmRequest request =
              new CreateVmRequest(
                  name,
                  template,
                  vcpus,
                  memoryMib,
                  diskGib,
                  image,
                  workload,
                  tags == null ? null : List.copyOf(tags),
                  host,
                  !noStart);
          json.printLine(
              main,
              main.client().createVm(request),
              vm ->
                  "created vm "
                      + vm.name()
                      + " on host "
                      + vm.hostName()
                      + " ("
                      + vm.state()
                      + ")");
        });
  }
}
