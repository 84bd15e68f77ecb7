/**
 * Virtual machines: their specification, their lifecycle state machine (a transition table, see
 * {@link org.vimana.core.vm.VmLifecycle}) and their status as a hypervisor reports it.
 */
package org.vimana.core.vm;
