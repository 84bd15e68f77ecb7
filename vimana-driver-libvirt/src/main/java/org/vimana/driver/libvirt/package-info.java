/**
 * The libvirt hypervisor driver: {@link org.vimana.driver.libvirt.LibvirtHypervisor} drives any
 * libvirt URI (qemu:///system, xen:///system, test:///default, remote URIs) through libvirt-java,
 * {@link org.vimana.driver.libvirt.LibvirtMigrator} live-migrates between libvirt hosts and {@link
 * org.vimana.driver.libvirt.Snapshots} manages snapshots. Registered as the "libvirt" {@link
 * org.vimana.core.driver.HypervisorProvider}.
 */
package org.vimana.driver.libvirt;
