/**
 * Host and VM utilisation through libvirt's bulk call {@code virConnectGetAllDomainStats} (one call
 * per host per sample, never one per VM) and {@code virNodeGetCPUStats}. libvirt-java does not wrap
 * either, so {@link org.vimana.driver.libvirt.stats.LibvirtNative} binds them with JNA on the
 * connection libvirt-java opened.
 */
package org.vimana.driver.libvirt.stats;
