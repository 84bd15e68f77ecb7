/**
 * The daemons the {@code vimana} command runs: {@code manager} and {@code node} embed the manager
 * and node modules in this process; {@code demo} starts a whole sim cluster as child processes.
 */
package org.vimana.cli.server;
