package org.vimana.driver.libvirt;

import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.driver.libvirt.connection.LibvirtConnection;

/** Turns libvirt's errors into {@link HypervisorException}s with the matching reason. */
final class Errors {
  private Errors() {}

  /** As {@link #map(String, LibvirtException)}, or "unreachable" when the connection is lost. */
  static HypervisorException map(LibvirtConnection connection, String what, LibvirtException e) {
    return connection.lostNow() ? connection.unreachable() : map(what, e);
  }

  static HypervisorException map(String what, LibvirtException e) {
    ErrorNumber code = e.getError() == null ? null : e.getError().getCode();
    return new HypervisorException(reason(code), what + ": " + e.getMessage(), e);
  }

  static Reason reason(ErrorNumber code) {
    if (code == null) {
      return Reason.FAILED;
    }
    switch (code) {
      case VIR_ERR_NO_DOMAIN:
      case VIR_ERR_NO_DOMAIN_SNAPSHOT:
        return Reason.NOT_FOUND;
      case VIR_ERR_DOM_EXIST:
        return Reason.ALREADY_EXISTS;
      case VIR_ERR_OPERATION_INVALID:
        return Reason.INVALID_STATE;
      case VIR_ERR_NO_SUPPORT:
      case VIR_ERR_OPERATION_UNSUPPORTED:
        return Reason.UNSUPPORTED;
      default:
        return Reason.FAILED;
    }
  }
}
