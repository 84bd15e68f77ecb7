/** The one JSON configuration that the manager and all clients share. */
package org.vimana.api.json;
