package org.vimana.agent.json;

/**
 * Bounds applied while parsing untrusted text.
 *
 * @param maxLength largest accepted document, in characters
 * @param maxDepth deepest accepted nesting of objects and arrays
 */
public record JsonLimits(int maxLength, int maxDepth) {
  /** 4 MiB documents, 32 levels: enough for any agent message, small enough to bound memory. */
  public static final JsonLimits DEFAULT = new JsonLimits(4 << 20, 32);

  public JsonLimits {
    if (maxLength < 2 || maxDepth < 1) {
      throw new IllegalArgumentException(
          "JSON limits must allow at least 2 characters and depth 1, got "
              + maxLength
              + " and "
              + maxDepth);
    }
  }
}
