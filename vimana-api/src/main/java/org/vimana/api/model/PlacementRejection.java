package org.vimana.api.model;

/** A host that cannot take a new VM, and why. */
public record PlacementRejection(String host, String reason) {}
