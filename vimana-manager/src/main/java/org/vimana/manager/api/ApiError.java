package org.vimana.manager.api;

/** A request refused at the edge (bad body, bad parameter, no token). */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "invalid_request", message);
  }
}
