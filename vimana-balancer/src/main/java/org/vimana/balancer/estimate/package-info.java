/**
 * What a strategy takes as a VM's CPU demand for the coming planning horizon, from its demand
 * history: the last sample, an exponentially weighted moving average or a percentile of recent
 * samples. Equalize balances on such an estimate so it does not chase a five-minute spike that is
 * gone by the time the migration ends; the hard capacity checks still use the demand now.
 */
package org.vimana.balancer.estimate;
