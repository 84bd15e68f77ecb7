/**
 * What a live migration costs (duration, downtime, bytes sent) and the anti-thrashing rules that
 * keep strategies from moving VMs for too little or too often: minimum gain, hysteresis and a
 * per-VM cool-down.
 */
package org.vimana.balancer.cost;
