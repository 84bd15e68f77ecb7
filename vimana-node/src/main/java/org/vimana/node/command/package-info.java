/**
 * The manager's commands, one handler per kind, each given only the hypervisor. Handlers turn every
 * failure into a {@link org.vimana.rpc.CommandResult} so bad input never reaches the link.
 */
package org.vimana.node.command;
