/**
 * Vimana's domain: hosts, VMs, templates, workloads, events and statistics, plus the driver SPI
 * ({@link org.vimana.core.driver.Hypervisor}) that every hypervisor back end implements. This
 * module depends on nothing but the JDK, so every other module can depend on it.
 */
package org.vimana.core;
