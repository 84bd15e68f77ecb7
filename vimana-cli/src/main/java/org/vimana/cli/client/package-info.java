/**
 * The client commands ({@code host}, {@code vm}, {@code template}, {@code events}): each calls the
 * manager through {@link org.vimana.api.client.VimanaClient} and prints a table, or the API records
 * as JSON with {@code --json}.
 */
package org.vimana.cli.client;
