/**
 * Dynamic VM consolidation after Beloglazov and Buyya, "Optimal online deterministic algorithms and
 * adaptive heuristics for energy and performance efficient dynamic consolidation of virtual
 * machines in cloud data centers" (CCPE 2012): overload detectors (THR, IQR, MAD, LR, LRR), VM
 * selectors (MMT, MC, MU, RS), power-aware best-fit-decreasing placement and under-load host
 * emptying. The algorithm follows CloudSim 4.0's implementation, whose figures the simulator
 * reproduces; where CloudSim's code differs from the paper the class comment says so.
 */
package org.vimana.balancer.strategy.consolidation;
