/**
 * The {@code ovrsis} command line (picocli): run, eval, validate, print-config, plugins, params,
 * doctor. User mistakes exit with code 2 and one message naming the key, file:line and what would be
 * valid; stack traces only with {@code --debug}.
 */
package io.ovrsis.runtime.cli;
