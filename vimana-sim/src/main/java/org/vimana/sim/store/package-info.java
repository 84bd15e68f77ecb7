/**
 * Persistence of a simulated host's VMs, in the manner of libvirt's {@code /etc/libvirt/qemu}: one
 * small properties file per VM in the host's state directory, rewritten atomically (temporary file,
 * then rename) on every change, read back when a new {@code SimHypervisor} opens the directory. The
 * format is described in the module's README and in {@link org.vimana.sim.store.VmRecordFormat}.
 */
package org.vimana.sim.store;
