/** Pictures people would rather look at than read: prediction overlays, cost-map heat maps, PNG output. */
package io.ovrsis.runtime.viz;
