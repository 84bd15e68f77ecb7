/** Utilisation figures of hosts and VMs, sampled by drivers in one bulk call per host. */
package org.vimana.core.stats;
