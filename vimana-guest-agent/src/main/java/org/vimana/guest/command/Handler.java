package org.vimana.guest.command;

import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * Runs one command. Throw {@link org.vimana.agent.json.JsonException} or IllegalArgumentException
 * for bad arguments (InvalidParameter), anything else for a failure (GenericError).
 */
@FunctionalInterface
public interface Handler {
  JsonValue handle(JsonObject args, Peer peer) throws Exception;
}
