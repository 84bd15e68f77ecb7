/**
 * The lab: several libvirt hosts on one machine (each a libvirtd in its own mount namespace), the
 * project's own bootable guest image, and what a node needs to drive them. Used by {@code vimana
 * lab up} and by the lab tests alike.
 */
package org.vimana.lab;
