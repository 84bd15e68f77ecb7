/**
 * The {@code vimana} command: {@link org.vimana.cli.Main} parses the command line (picocli) and
 * hands each subcommand the streams, environment and manager client it needs. Client commands live
 * in {@code client}, the daemons it can run ({@code manager}, {@code node}, {@code demo}) in {@code
 * server}, output formatting in {@code format} and the client configuration in {@code config}.
 */
package org.vimana.cli;
