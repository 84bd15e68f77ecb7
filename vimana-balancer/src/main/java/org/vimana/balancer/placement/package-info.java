/**
 * Where would a new VM go, and why: ranked candidate hosts with their projected load and the
 * reasons, and the hosts ruled out with theirs. Backs {@code vimana place} and the API, for tools
 * such as Terraform and Ansible.
 */
package org.vimana.balancer.placement;
