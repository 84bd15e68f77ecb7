package org.vimana.cli.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vimana vm ...}: inventory and lifecycle of VMs. */
@Command(
    name = "vm",
    description = "Virtual machines: list, show, create, lifecycle, migrate, delete, tags.",
    subcommands = {VmCreateCommand.class, VmMigrateCommand.class, VmAgentCommand.class})
public final class VmCommand implements Runnable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing subcommand: list, show, create, start, stop, reboot, destroy, suspend, resume,"
            + " delete, tag, migrate, console, agent");
  }

  Main main() {
    return main;
  }

  @Command(name = "list", description = "List VMs with their live CPU and memory figures.")
  int list(
      @Option(names = "--tag", paramLabel = "TAG", description = "Only VMs with this tag.")
          String tag,
      @Option(names = "--host", paramLabel = "HOST", description = "Only VMs on this host.")
          String host,
      @Option(names = "--state", paramLabel = "STATE", description = "Only VMs in this state.")
          String state,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          String s = state == null ? null : state.toLowerCase(Locale.ROOT).replace('-', '_');
          json.print(main, main.client().vms(new VmFilter(tag, host, s)), Views::vmTable);
        });
  }

  @Command(name = "show", description = "Show one VM.")
  int show(
      @Parameters(paramLabel = "NAME", description = "VM name or id.") String name,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          VimanaClient client = main.client();
          VmView vm = client.vm(name);
          json.print(main, vm, Views::vm);
          if (!json.requested()) {
            AgentView agent = agentOf(client, vm);
            if (AgentViews.worthShowing(agent)) {
              main.out().print(AgentViews.section(agent));
            }
          }
        });
  }

  /** The VM's agent as the manager knows it; null when it does not say (an older manager). */
  private static AgentView agentOf(VimanaClient client, VmView vm) {
    try {
      return client.agent(vm.id());
    } catch (ApiException e) {
      return null;
    }
  }

  @Command(name = "start", description = "Start a VM.")
  int start(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.START, json);
  }

  @Command(name = "stop", description = "Shut a VM down gracefully (ACPI power button).")
  int stop(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.SHUTDOWN, json);
  }

  @Command(name = "reboot", description = "Reboot a VM.")
  int reboot(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.REBOOT, json);
  }

  @Command(
      name = "destroy",
      description = "Power a VM off at once (forced, like pulling the plug).")
  int destroy(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.FORCE_STOP, json);
  }

  @Command(name = "suspend", description = "Pause a running VM.")
  int suspend(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.SUSPEND, json);
  }

  @Command(name = "resume", description = "Resume a paused VM.")
  int resume(@Parameters(paramLabel = "NAME") String name, @Mixin JsonOption json) {
    return action(name, VmAction.RESUME, json);
  }

  private int action(String name, VmAction action, JsonOption json) {
    return main.run(
        () ->
            json.printLine(
                main,
                main.client().action(name, action),
                vm -> "vm " + vm.name() + ": " + vm.state()));
  }

  @Command(name = "delete", description = "Delete a stopped VM and its disk.")
  int delete(
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--force", description = "Power the VM off first if it is running.")
          boolean force,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          VimanaClient client = main.client();
          if (force) {
            powerOff(client, name);
          }
          client.deleteVm(name);
          json.printLine(main, Map.of("deleted", name), d -> "deleted vm " + name);
        });
  }

  /** Forces the VM off if it holds resources, and waits until the manager sees it off. */
  private static void powerOff(VimanaClient client, String name)
      throws ApiException, CliException, InterruptedException {
    VmView vm = client.vm(name);
    if (!VmLifecycle.accepts(state(vm), VmAction.FORCE_STOP)) {
      return;
    }
    client.action(name, VmAction.FORCE_STOP);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (state(client.vm(name)).consumesResources()) {
      if (System.nanoTime() > deadline) {
        throw new CliException(
            ExitCode.REFUSED, "vm " + name + " did not power off within " + STOP_TIMEOUT);
      }
      Thread.sleep(200);
    }
  }

  private static VmState state(VmView vm) {
    try {
      return VmState.valueOf(vm.state().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return VmState.UNKNOWN;
    }
  }

  @Command(name = "console", description = "Print the tail of a VM's serial console log.")
  int console(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = "--bytes",
              paramLabel = "N",
              defaultValue = "16384",
              description = "How much of the end to print (default ${DEFAULT-VALUE}).")
          int bytes) {
    return main.run(() -> main.out().print(main.client().console(name, bytes)));
  }

  @Command(name = "tag", description = "Add tags to a VM (or remove them with --remove).")
  int tag(
      @Parameters(index = "0", paramLabel = "NAME") String name,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG") List<String> tags,
      @Option(names = "--remove", description = "Remove the tags instead of adding them.")
          boolean remove,
      @Mixin JsonOption json) {
    return main.run(
        () -> {
          VimanaClient client = main.client();
          Set<String> now = new LinkedHashSet<>(client.vm(name).tags());
          if (remove) {
            tags.forEach(now::remove);
          } else {
            now.addAll(tags);
          }
          json.printLine(main, client.setTags(name, new ArrayList<>(now)), VmCommand::tagsLine);
        });
  }

  private static String tagsLine(VmView vm) {
    String list = Views.tags(vm.tags());
    return "vm " + vm.name() + " tags: " + (list == null ? "(none)" : list);
  }
}
