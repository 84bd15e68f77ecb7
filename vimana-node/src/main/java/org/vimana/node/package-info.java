/**
 * The node daemon: one per physical host. It hosts one hypervisor driver, dials the manager and
 * keeps one gRPC stream open, runs the manager's commands and streams events and stats back. VMs
 * never depend on it: when the manager or the link is gone they keep running, and the next
 * connection resynchronises the manager with a full inventory.
 */
package org.vimana.node;
