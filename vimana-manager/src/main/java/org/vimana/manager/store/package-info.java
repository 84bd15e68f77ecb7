/**
 * The inventory's storage seam: records and store interfaces. {@code jdbc} implements them on any
 * JDBC database with Flyway migrations (embedded H2 by default, PostgreSQL when configured).
 */
package org.vimana.manager.store;
