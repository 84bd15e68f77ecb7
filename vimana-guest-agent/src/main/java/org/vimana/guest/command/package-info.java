/**
 * Command handling: one {@link org.vimana.guest.command.Handler} per command, grouped by the
 * resources they need, and the {@link org.vimana.guest.command.Dispatcher} that applies the policy
 * and maps failures to the wire's error classes (CommandNotFound, CommandDisabled,
 * InvalidParameter, GenericError).
 */
package org.vimana.guest.command;
