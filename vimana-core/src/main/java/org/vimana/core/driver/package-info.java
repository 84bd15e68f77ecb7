/**
 * The driver SPI: {@link org.vimana.core.driver.Hypervisor} is the one seam between Vimana and a
 * virtualization back end. Implementations (sim, libvirt) are found through {@link
 * java.util.ServiceLoader} as {@link org.vimana.core.driver.HypervisorProvider}s; nothing above the
 * node knows which one is in use.
 */
package org.vimana.core.driver;
