package io.ovrsis.runtime.checkpoint;

/**
 * What a checkpoint records besides tensors.
 *
 * @param iteration iterations completed
 * @param seed the experiment seed (data order and augmentation derive from it and the iteration)
 * @param configSha256 hash of the resolved experiment, to warn when resuming with another config
 * @param runId the tracking run that wrote it
 */
public record CheckpointState(int iteration, long seed, String configSha256, String runId) {
}
