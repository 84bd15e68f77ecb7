/**
 * What a strategy returns: an ordered list of live migrations, each with its reason and expected
 * gain, and host power actions; and {@link org.vimana.balancer.plan.PlanChecker}, which re-checks a
 * move against the cluster as it is now, so a plan made stale by a concurrent change is never
 * forced.
 */
package org.vimana.balancer.plan;
