package org.vimana.cli;

import org.vimana.api.client.ApiException;

/**
 * The exit codes of {@code vimana}, so that scripts can tell a typo from a missing VM from a
 * manager that is down.
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** Anything else: the manager failed (5xx), an I/O error, a daemon that could not start. */
  public static final int FAILURE = 1;

  /** Bad command line or a request the manager refused as invalid (400). */
  public static final int USAGE = 2;

  /** The VM, host or template named does not exist (404). */
  public static final int NOT_FOUND = 3;

  /** The manager refused the request in the current state: conflict, no capacity, ... */
  public static final int REFUSED = 4;

  /** No manager configured, manager unreachable, or the token was refused (401/403). */
  public static final int UNREACHABLE = 5;

  private ExitCode() {}

  /** The exit code for an error the manager returned (or for failing to reach it). */
  public static int of(ApiException e) {
    int status = e.status();
    if (status == 0) {
      return "bad_response".equals(e.error()) ? FAILURE : UNREACHABLE;
    }
    if (status == 401 || status == 403) {
      return UNREACHABLE;
    }
    if (status == 404) {
      return NOT_FOUND;
    }
    if (status == 400) {
      return USAGE;
    }
    if (status < 500 || "host_unavailable".equals(e.error()) || "no_capacity".equals(e.error())) {
      return REFUSED;
    }
    return FAILURE;
  }
}
