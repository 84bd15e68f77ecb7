package org.vimana.api.model;

import java.util.List;

/** Body of {@code PUT /api/v1/vms/{id}/tags}: the VM's complete new set of tags. */
public record TagsRequest(List<String> tags) {}
