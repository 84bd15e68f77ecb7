/**
 * Live migration through the manager: pre-checks, the two-step run (prepare the target, send from
 * the source), progress, cancellation and the record each migration leaves in the VM's history.
 */
package org.vimana.manager.migration;
