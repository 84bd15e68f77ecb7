/** A small synchronous Java client of the manager's REST API, on java.net.http. */
package org.vimana.api.client;
