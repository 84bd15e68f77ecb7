/**
 * The host side of the guest agents: one persistent {@link org.vimana.agent.client.AgentClient}
 * connection per running VM over the VM's channel socket, an explicit readiness state per VM (a
 * transition table, {@link org.vimana.node.agent.ReadinessMachine}), the agent's pushed status
 * relayed to the manager as a compact guest view, and agent commands run on the manager's behalf.
 */
package org.vimana.node.agent;
