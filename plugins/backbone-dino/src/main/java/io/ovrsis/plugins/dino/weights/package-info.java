/**
 * Loading DINO checkpoints ({@code RSIB.pth}) into the tower as the authors' {@code BuildRSIB}
 * does (optional {@code teacher} entry, {@code module.}/{@code backbone.} removed, projection head
 * dropped), but strictly: anything else missing, unexpected or wrongly shaped is an error.
 */
package io.ovrsis.plugins.dino.weights;
