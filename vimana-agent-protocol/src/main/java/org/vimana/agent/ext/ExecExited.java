package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestExec;

/**
 * Data of the {@code VIMANA_EXEC_EXITED} event pushed when a guest-exec process ends: the pid and
 * the same members guest-exec-status would return, so the host need not poll.
 */
public record ExecExited(long pid, GuestExec.Status status) {
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder().put("pid", pid);
    status.toJson().members().forEach(b::put);
    return b.build();
  }

  public static ExecExited fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "data");
    return new ExecExited(o.integer("pid"), GuestExec.Status.fromJson(o));
  }
}
