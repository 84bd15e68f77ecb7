package org.vimana.api.model;

import java.util.List;
import org.vimana.core.workload.Workload;

/**
 * Body of {@code POST /api/v1/vms}. Either {@code template} names a template whose values fill what
 * the request leaves out, or {@code vcpus} and {@code memoryMib} are given.
 *
 * @param host optional host name or id to pin the VM to; placement chooses otherwise
 * @param start whether to start the VM once defined (default true)
 */
public record CreateVmRequest(
    String name,
    String template,
    Integer vcpus,
    Long memoryMib,
    Long diskGib,
    String image,
    Workload workload,
    List<String> tags,
    String host,
    Boolean start) {

  /** A request for a VM made from a template, started at once. */
  public static CreateVmRequest fromTemplate(String name, String template) {
    return new CreateVmRequest(name, template, null, null, null, null, null, null, null, null);
  }
}
