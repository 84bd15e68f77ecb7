/**
 * Serving the protocol: a {@link org.vimana.guest.server.Session} per connection (bounded framing,
 * ordered inline handling of id-less requests, a bounded shared worker pool for requests with an
 * id), the transports (virtio-serial port found by name, unix or TCP listener, stdio) and the
 * {@link org.vimana.guest.server.Agent} that wires collectors, commands and policy together.
 */
package org.vimana.guest.server;
