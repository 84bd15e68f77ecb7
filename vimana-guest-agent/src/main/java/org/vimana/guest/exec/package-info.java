/**
 * guest-exec: starts processes, captures their output up to a bound, pushes a VIMANA_EXEC_EXITED
 * event to the connection that started them when they end, and answers guest-exec-status (which
 * reaps an exited process, as in qemu-ga).
 */
package org.vimana.guest.exec;
