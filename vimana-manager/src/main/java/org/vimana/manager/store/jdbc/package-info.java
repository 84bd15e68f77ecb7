/** JDBC implementations of the stores, one per table, plus the pool and migrations. */
package org.vimana.manager.store.jdbc;
