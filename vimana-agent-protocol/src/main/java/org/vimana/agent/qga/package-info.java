/**
 * Typed records for the standard QEMU guest agent commands, with QEMU's JSON member names and
 * optionality (qga/qapi-schema.json); an absent optional member is a null component. Each record
 * has {@code toJson()} and a static {@code fromJson(JsonValue)} so the agent and the client share
 * one definition; {@link org.vimana.agent.qga.QgaCommands} names them.
 */
package org.vimana.agent.qga;
