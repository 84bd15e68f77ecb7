/** Events: what happened to a VM or host, as drivers report it and as the manager records it. */
package org.vimana.core.event;
