package org.vimana.api.model;

/**
 * Filters of {@code GET /api/v1/vms}; null means no filter.
 *
 * @param tag VMs carrying this tag
 * @param host VMs on this host (name or id)
 * @param state VMs in this state (lower-case name)
 */
public record VmFilter(String tag, String host, String state) {
  public static VmFilter all() {
    return new VmFilter(null, null, null);
  }
}
