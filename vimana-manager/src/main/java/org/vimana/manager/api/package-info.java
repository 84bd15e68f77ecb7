/**
 * The REST API edge: routes, bearer-token authentication, request parsing and the one place where
 * inventory exceptions become HTTP status codes and {@link org.vimana.api.model.ErrorBody}s.
 */
package org.vimana.manager.api;
