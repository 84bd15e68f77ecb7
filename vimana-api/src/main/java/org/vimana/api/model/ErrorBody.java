package org.vimana.api.model;

/**
 * Every 4xx/5xx response body.
 *
 * @param error a stable machine-readable code ("not_found", "conflict", "invalid_request",
 *     "unauthorized", "no_capacity", "host_unavailable", ...)
 * @param message what went wrong, naming the field or value at fault
 */
public record ErrorBody(String error, String message) {}
