package org.vimana.balancer.plan;

/** Why a VM is moved. */
public enum Reason {
  /** Its host is overloaded (or predicted to be). */
  OVERLOAD,
  /** Its host is under-loaded and is being emptied so it can be switched off. */
  UNDERLOAD,
  /** The move reduces the imbalance between hosts. */
  IMBALANCE,
  /** Its host is in maintenance and is being evacuated. */
  MAINTENANCE,
  /** An affinity or anti-affinity rule is violated and the move repairs it. */
  CONSTRAINT
}
