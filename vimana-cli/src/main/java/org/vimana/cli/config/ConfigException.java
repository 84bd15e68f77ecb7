package org.vimana.cli.config;

/** The client configuration is missing, unreadable or invalid; the message says what to do. */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
