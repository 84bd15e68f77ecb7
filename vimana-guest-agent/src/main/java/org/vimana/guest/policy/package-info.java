/**
 * The agent's configuration file (/etc/vimana/agent.conf, INI-like as qemu-ga's) and the command
 * policy it holds: allow-rpcs / block-rpcs decide which commands run, and a refused command answers
 * the distinct error class CommandDisabled.
 */
package org.vimana.guest.policy;
