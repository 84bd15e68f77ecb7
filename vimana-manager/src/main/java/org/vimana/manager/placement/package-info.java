/** Where a new VM goes: pure policies over the hosts' capacity and what is allocated on them. */
package org.vimana.manager.placement;
