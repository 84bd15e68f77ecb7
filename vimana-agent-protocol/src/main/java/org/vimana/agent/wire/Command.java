package org.vimana.agent.wire;

import java.util.Objects;
import java.util.function.Function;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * A typed command: its wire name, how to encode its arguments and decode its result.
 *
 * @param name wire name
 * @param encodeArgs arguments to JSON (the agent decodes with the record's own fromJson)
 * @param decodeResult JSON result to the typed result
 * @param extension true for Vimana commands, which a stock qemu-guest-agent does not have
 * @param successResponse false for commands that send no reply on success (guest-shutdown)
 */
public record Command<A, R>(
    String name,
    Function<A, JsonObject> encodeArgs,
    Function<JsonValue, R> decodeResult,
    boolean extension,
    boolean successResponse) {

  public Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encodeArgs, "encodeArgs");
    Objects.requireNonNull(decodeResult, "decodeResult");
  }

  /** A standard QGA command with arguments. */
  public static <A, R> Command<A, R> qga(
      String name, Function<A, JsonObject> args, Function<JsonValue, R> result) {
    return new Command<>(name, args, result, false, true);
  }

  /** A standard QGA command without arguments. */
  public static <R> Command<NoArgs, R> qga(String name, Function<JsonValue, R> result) {
    return new Command<>(name, a -> JsonObject.empty(), result, false, true);
  }

  /** A Vimana extension command. */
  public static <A, R> Command<A, R> vimana(
      String name, Function<A, JsonObject> args, Function<JsonValue, R> result) {
    return new Command<>(name, args, result, true, true);
  }

  /** Marker for commands that take no arguments. */
  public enum NoArgs {
    INSTANCE
  }
}
