/**
 * libvirt's domain events (lifecycle, reboot, I/O error, guest agent channel connect/disconnect)
 * turned into Vimana {@link org.vimana.core.event.VmEvent}s. libvirt delivers them on its default
 * event loop, which {@link org.vimana.driver.libvirt.event.EventLoop} runs on one daemon thread per
 * process.
 */
package org.vimana.driver.libvirt.event;
