/**
 * The manager's REST API as Java: the records every request and response is made of ({@code
 * model}), the JSON mapping they share ({@code json}) and a client ({@code client}) that the CLI,
 * benchmarks and tests use. The manager serves exactly these records.
 */
package org.vimana.api;
