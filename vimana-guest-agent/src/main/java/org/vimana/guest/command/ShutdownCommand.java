package org.vimana.guest.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vimana.agent.json.JsonObject;

/** guest-shutdown: no reply on success, as in QEMU; the action is a seam for tests. */
public final class ShutdownCommand {
  /** Carries out a shutdown mode: "halt", "powerdown" or "reboot". */
  public interface Action {
    void shutdown(String mode) throws IOException;
  }

  /**
   * shutdown(8) like qemu-ga when present, else busybox's halt/poweroff/reboot (busybox guests have
   * no shutdown binary).
   */
  public static final Action SYSTEM =
      mode -> {
        List<String> cmd;
        if (Files.isExecutable(Path.of("/sbin/shutdown"))) {
          String flag = mode.equals("halt") ? "-H" : mode.equals("reboot") ? "-r" : "-P";
          cmd = List.of("/sbin/shutdown", flag, "+0", "hypervisor initiated shutdown");
        } else {
          cmd = List.of(mode.equals("powerdown") ? "poweroff" : mode);
        }
        new ProcessBuilder(cmd).inheritIO().start();
      };

  private final Action action;

  public ShutdownCommand(Action action) {
    this.action = action;
  }

  public CommandSpec spec() {
    return new CommandSpec(
        "guest-shutdown",
        (a, p) -> {
          a.expectOnly("mode");
          String mode = a.optStr("mode") == null ? "powerdown" : a.optStr("mode");
          if (!List.of("halt", "powerdown", "reboot").contains(mode)) {
            throw new IllegalArgumentException(
                "Invalid parameter 'mode': expected halt, powerdown or reboot, got '" + mode + "'");
          }
          action.shutdown(mode);
          return JsonObject.empty();
        },
        false);
  }
}
