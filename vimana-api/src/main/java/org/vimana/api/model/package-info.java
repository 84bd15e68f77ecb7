/** Request and response bodies of the REST API, one record per shape. */
package org.vimana.api.model;
