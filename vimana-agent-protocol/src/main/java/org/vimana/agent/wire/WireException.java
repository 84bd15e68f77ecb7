package org.vimana.agent.wire;

import org.vimana.agent.json.JsonValue;

/** A well-formed JSON document that is not a valid message; carries the request id if known. */
public final class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialised: lives within one process
  private final JsonValue id;

  public WireException(String message, JsonValue id) {
    super(message);
    this.id = id;
  }

  /** The id of the offending request, or null. */
  public JsonValue id() {
    return id;
  }
}
