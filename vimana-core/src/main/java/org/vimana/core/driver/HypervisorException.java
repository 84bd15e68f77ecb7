package org.vimana.core.driver;

/** A hypervisor refused or failed an operation; {@link #reason()} says which kind of failure. */
public class HypervisorException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Broad kinds of failure, which the manager maps to API status codes. */
  public enum Reason {
    /** No such VM on this host. */
    NOT_FOUND,
    /** A VM with this id or name already exists. */
    ALREADY_EXISTS,
    /** The VM's state does not allow the operation. */
    INVALID_STATE,
    /** The host lacks the CPU, memory or disk for the operation. */
    NO_CAPACITY,
    /** The operation is not supported by this back end. */
    UNSUPPORTED,
    /** The hypervisor failed (connection lost, I/O error, ...). */
    FAILED
  }

  private final Reason reason;

  public HypervisorException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public HypervisorException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
