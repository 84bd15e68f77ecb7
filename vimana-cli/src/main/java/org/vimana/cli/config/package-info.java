/**
 * Where the CLI finds its manager: the URL and token from the environment or from the client config
 * file that {@code vimana manager} and {@code vimana demo} write.
 */
package org.vimana.cli.config;
