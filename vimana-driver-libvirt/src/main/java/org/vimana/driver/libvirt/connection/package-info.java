/**
 * The driver's libvirt connection, kept open across libvirtd restarts: {@link
 * org.vimana.driver.libvirt.connection.Reconnector} is the reconnection logic (probe, backoff,
 * listeners) over any connection type, {@link
 * org.vimana.driver.libvirt.connection.LibvirtConnection} applies it to libvirt-java with a watcher
 * thread, libvirt's close callback and keepalive.
 */
package org.vimana.driver.libvirt.connection;
