package org.vimana.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One guest agent command, run over the VM's persistent agent connection.
 *
 * @param command a QEMU guest agent command ("guest-get-osinfo") or a Vimana extension
 *     ("vimana-status")
 * @param arguments the command's arguments, a JSON object (null for none)
 * @param timeoutMs how long to wait for the agent, 1..120000 ms (null: 10 s)
 */
public record AgentCommandRequest(String command, JsonNode arguments, Long timeoutMs) {}
