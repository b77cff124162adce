/** Dataset readers: OVRSISBench layouts, class vocabularies, samples as plain Java arrays. */
package io.ovrsis.api.data;
