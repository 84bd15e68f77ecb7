/**
 * The manager's commands: one handler per kind, each given only the hypervisor; {@link
 * org.vimana.node.command.CommandDispatcher} turns every outcome, including bad input, into a
 * {@link org.vimana.rpc.CommandResult}, and {@link org.vimana.node.command.CommandRunner} runs them
 * off the gRPC thread with a timeout.
 */
package org.vimana.node.command;
