package org.vimana.agent.qga;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-exec and guest-exec-status shapes. */
public final class GuestExec {
  private GuestExec() {}

  /**
   * guest-exec arguments.
   *
   * @param path executable path or name
   * @param arg arguments, or null
   * @param env environment entries "NAME=value", or null
   * @param inputData base64 data for stdin, or null
   * @param captureOutput whether stdout and stderr are captured (default false)
   */
  public record Args(
      String path, List<String> arg, List<String> env, String inputData, boolean captureOutput) {

    public Args {
      arg = arg == null ? null : List.copyOf(arg);
      env = env == null ? null : List.copyOf(env);
    }

    public static Args of(String path, List<String> arg, boolean captureOutput) {
      return new Args(path, arg, null, null, captureOutput);
    }

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("path", path)
          .putStrings("arg", arg)
          .putStrings("env", env)
          .putOpt("input-data", inputData)
          .put("capture-output", captureOutput)
          .build();
    }

    public static Args fromJson(JsonObject o) {
      o.expectOnly("path", "arg", "env", "input-data", "capture-output");
      return new Args(
          o.str("path"),
          o.optStrings("arg"),
          o.optStrings("env"),
          o.optStr("input-data"),
          o.bool("capture-output", false));
    }
  }

  /** guest-exec result: the pid of the started process. */
  public record Started(long pid) {
    public JsonObject toJson() {
      return JsonObject.builder().put("pid", pid).build();
    }

    public static Started fromJson(JsonValue v) {
      return new Started(Expect.object(v, "return").integer("pid"));
    }
  }

  /** guest-exec-status result; output members are base64 and present only when captured. */
  public record Status(
      boolean exited,
      Long exitcode,
      Long signal,
      String outData,
      String errData,
      Boolean outTruncated,
      Boolean errTruncated) {

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("exited", exited)
          .putOpt("exitcode", exitcode)
          .putOpt("signal", signal)
          .putOpt("out-data", outData)
          .putOpt("err-data", errData)
          .putOpt("out-truncated", outTruncated)
          .putOpt("err-truncated", errTruncated)
          .build();
    }

    public static Status fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "return");
      return new Status(
          o.bool("exited"),
          o.optInteger("exitcode"),
          o.optInteger("signal"),
          o.optStr("out-data"),
          o.optStr("err-data"),
          o.optBool("out-truncated"),
          o.optBool("err-truncated"));
    }
  }
}
