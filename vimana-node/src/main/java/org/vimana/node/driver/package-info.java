/** Finds hypervisor drivers by name through {@link java.util.ServiceLoader}. */
package org.vimana.node.driver;
