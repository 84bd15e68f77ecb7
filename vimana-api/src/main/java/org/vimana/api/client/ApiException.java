package org.vimana.api.client;

/**
 * The manager refused a request, or could not be reached ({@link #status()} 0).
 *
 * @see org.vimana.api.model.ErrorBody
 */
public class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.error = "unreachable";
  }

  /** HTTP status, or 0 when the manager could not be reached. */
  public int status() {
    return status;
  }

  /** The stable error code of the response body ("not_found", "conflict", ...). */
  public String error() {
    return error;
  }
}
