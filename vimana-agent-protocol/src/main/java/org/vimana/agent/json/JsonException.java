package org.vimana.agent.json;

/** Malformed JSON text, or a JSON value of the wrong shape for what the caller expected. */
public class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /** A shape error with no position (wrong type, missing member). */
  public JsonException(String message) {
    super(message);
    this.offset = -1;
  }

  /** A syntax error at a character offset of the parsed text. */
  public JsonException(String message, long offset) {
    super("JSON parse error at offset " + offset + ": " + message);
    this.offset = offset;
  }

  /** Character offset of a syntax error, or -1 for a shape error. */
  public long offset() {
    return offset;
  }
}
