package org.vimana.core.template;

import java.util.Map;
import org.vimana.core.Validation;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.workload.Workload;

/**
 * A reusable VM definition. Creating a VM from a template copies its resources, image and workload;
 * the request may override resources.
 */
public record Template(
    String name,
    String description,
    int vcpus,
    long memoryMib,
    long diskGib,
    String image,
    Workload workload) {
  public Template {
    Validation.name("template name", name);
    description = description == null ? "" : description;
    Validation.positive("vcpus", vcpus);
    Validation.positive("memoryMib", memoryMib);
    Validation.nonNegative("diskGib", diskGib);
    image = image == null ? "" : image;
    workload = workload == null ? Workload.idle() : workload;
  }

  /** A spec for a new VM named {@code vmName} made from this template. */
  public VmSpec toSpec(String vmName, Map<String, String> labels) {
    return new VmSpec(vmName, vcpus, memoryMib, diskGib, image, workload, labels);
  }
}
