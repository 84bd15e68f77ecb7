package org.vimana.api.model;

/** Body of {@code POST /api/v1/vms/{id}/snapshots}. */
public record SnapshotRequest(String name, String description) {}
