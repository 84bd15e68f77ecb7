/**
 * The manager's side of the node link: the gRPC service nodes dial, one session per connected node,
 * commands with their results, and the live (not stored) state of each host: connected or not, last
 * heard of, latest figures.
 */
package org.vimana.manager.node;
