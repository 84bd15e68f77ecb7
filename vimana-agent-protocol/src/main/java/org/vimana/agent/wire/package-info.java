/**
 * The guest agent wire format: QEMU guest agent (QGA) messages plus asynchronous events.
 *
 * <p>A request is {@code {"execute": NAME, "arguments": {...}, "id": ID}}; a reply is {@code
 * {"return": VALUE, "id": ID}} or {@code {"error": {"class": C, "desc": D}, "id": ID}}; an event
 * (Vimana agent only, shaped like QMP events) is {@code {"event": NAME, "data": {...}, "timestamp":
 * {"seconds": S, "microseconds": U}}}. {@link org.vimana.agent.wire.MessageFramer} cuts a byte
 * stream into messages with bounded memory and resynchronises on a 0xFF sentinel byte, a newline or
 * the end of an over-long message.
 */
package org.vimana.agent.wire;
