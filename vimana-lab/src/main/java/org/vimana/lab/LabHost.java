package org.vimana.lab;

/**
 * One lab host: a libvirtd of its own.
 *
 * @param name the host's name, also the node's
 * @param uri where its libvirtd listens ({@code qemu+tcp://127.0.0.1:PORT/system})
 */
public record LabHost(String name, String uri) {}
