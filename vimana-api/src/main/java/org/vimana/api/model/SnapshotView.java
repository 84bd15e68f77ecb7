package org.vimana.api.model;

import java.time.Instant;

/**
 * One snapshot of a VM.
 *
 * @param vmState the VM's power state when it was taken, in the back end's word
 */
public record SnapshotView(String name, String description, Instant createdAt, String vmState) {}
