/**
 * Turning text into values and values into text: sizes ({@code 4G}), workload specs ({@code
 * constant:0.3}), durations ({@code 60s}) and the aligned tables of the human output.
 */
package org.vimana.cli.format;
