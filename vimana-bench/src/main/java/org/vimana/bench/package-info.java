/**
 * Scenario benchmarks: programs that drive real Vimana processes and print their figures beside a
 * baseline measured in the same run. They are run by hand (see the module README), never as timed
 * unit tests.
 */
package org.vimana.bench;
