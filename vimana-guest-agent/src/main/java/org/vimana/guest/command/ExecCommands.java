package org.vimana.guest.command;

import java.util.List;
import org.vimana.agent.qga.GuestExec;
import org.vimana.guest.exec.ExecManager;

/** guest-exec (whose end is also pushed as VIMANA_EXEC_EXITED) and guest-exec-status. */
public final class ExecCommands {
  private final ExecManager exec;

  public ExecCommands(ExecManager exec) {
    this.exec = exec;
  }

  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.of(
            "guest-exec",
            (a, p) ->
                new GuestExec.Started(exec.start(GuestExec.Args.fromJson(a), p::push)).toJson()),
        CommandSpec.of(
            "guest-exec-status",
            (a, p) -> {
              a.expectOnly("pid");
              return exec.status(a.integer("pid")).toJson();
            }));
  }
}
