/**
 * A small, strict, bounded JSON model, parser and writer on java.base only.
 *
 * <p>The guest agent must stay lean (no Jackson), and it parses bytes that arrive from a channel it
 * does not trust: the parser enforces a maximum document length and nesting depth, rejects anything
 * that RFC 8259 does not allow (duplicate keys included), and reports the character offset of the
 * first error. Accessors on {@link org.vimana.agent.json.JsonObject} raise the same messages as
 * QEMU's guest agent ("Parameter 'path' is missing", "Invalid parameter type for 'path', expected:
 * string") so that argument errors read alike on both agents.
 */
package org.vimana.agent.json;
