package org.vimana.core.vm;

import java.util.Map;
import java.util.Optional;
import org.vimana.core.Validation;
import org.vimana.core.workload.Workload;

/**
 * What a VM is made of: the resources it asks for, the image its disk comes from and the workload
 * profile it is expected to run (used by the sim driver and by placement and balancing forecasts;
 * real hypervisors ignore it).
 *
 * @param name unique VM name in the cluster
 * @param vcpus virtual CPUs
 * @param memoryMib memory in MiB
 * @param diskGib size of the root disk in GiB
 * @param image the base image the root disk is an overlay of (may be empty for diskless VMs)
 * @param workload the expected workload profile
 * @param labels free-form driver-independent metadata passed down to the hypervisor
 */
public record VmSpec(
    String name,
    int vcpus,
    long memoryMib,
    long diskGib,
    String image,
    Workload workload,
    Map<String, String> labels) {
  public VmSpec {
    Validation.name("name", name);
    Validation.positive("vcpus", vcpus);
    Validation.positive("memoryMib", memoryMib);
    Validation.nonNegative("diskGib", diskGib);
    image = image == null ? "" : image;
    workload = workload == null ? Workload.idle() : workload;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public Optional<String> imageName() {
    return image.isEmpty() ? Optional.empty() : Optional.of(image);
  }
}
