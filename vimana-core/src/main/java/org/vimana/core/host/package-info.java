/** Physical hosts: their identity, capacity and connectivity state. */
package org.vimana.core.host;
