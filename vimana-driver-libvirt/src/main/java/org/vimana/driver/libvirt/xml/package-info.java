/**
 * libvirt XML documents built and read with the JDK's DOM API: the domain definition made from a
 * {@link org.vimana.core.vm.VmSpec}, the spec itself kept in the domain's {@code <metadata>} (so a
 * restarted node re-adopts its domains), and what the driver reads back from a live definition.
 */
package org.vimana.driver.libvirt.xml;
