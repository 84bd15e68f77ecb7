package org.vimana.api.model;

/** Body of {@code POST /api/v1/hosts/{id}/maintenance}. */
public record MaintenanceRequest(Boolean enabled) {}
