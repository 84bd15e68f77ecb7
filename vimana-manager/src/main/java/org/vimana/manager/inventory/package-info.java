/**
 * The inventory's operations: what operators ask of hosts, VMs and templates, and how node reports
 * reconcile it. Failures are {@link org.vimana.manager.inventory.InventoryException}s with a kind
 * that the API edge maps to a status code.
 */
package org.vimana.manager.inventory;
