/** The Vimana guest agent's entry point: argument and config handling. */
package org.vimana.guest;
