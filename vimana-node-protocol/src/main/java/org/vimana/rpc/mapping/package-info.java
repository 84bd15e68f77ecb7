/**
 * Conversions between the wire messages of {@code node_link.proto} and the core records, so the
 * node and the manager work with {@code org.vimana.core} types only.
 */
package org.vimana.rpc.mapping;
