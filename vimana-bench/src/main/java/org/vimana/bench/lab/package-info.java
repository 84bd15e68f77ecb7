/**
 * Benchmarks on real lab VMs (QEMU TCG, namespaced libvirtds): the libvirt driver's stats
 * collection beside prometheus-libvirt-exporter on the same libvirtd, and live migration time and
 * downtime as the max-downtime setting varies.
 */
package org.vimana.bench.lab;
