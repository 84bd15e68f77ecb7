/**
 * Workload profiles: descriptions of how busy a VM is over time. The sim driver and the balancing
 * simulator turn them into utilisation; everything else treats them as data.
 */
package org.vimana.core.workload;
