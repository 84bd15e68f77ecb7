/**
 * The manager: Vimana's control plane. It keeps the inventory in a relational database, places and
 * drives VMs through the node daemons that dial in over gRPC, and serves the REST API. {@link
 * org.vimana.manager.ManagerServer} wires the parts together with plain constructors.
 */
package org.vimana.manager;
