/**
 * The OVRSIS Lab SPI: the only platform dependency of a plugin (scope {@code provided}).
 *
 * <p>Table of contents, one slot per line (each slot is a component interface plus a factory that
 * extends PF4J's {@code ExtensionPoint}; see {@link io.ovrsis.api.component.Slot}):
 * <ul>
 *   <li>{@link io.ovrsis.api.model.ImageEncoder} – CLIP/RemoteCLIP/DINO towers; dense maps and block taps</li>
 *   <li>{@link io.ovrsis.api.model.TextEncoder} – class names + prompt templates to embeddings</li>
 *   <li>{@link io.ovrsis.api.model.CostAggregator} – image–text cost volume (RS-CMA)</li>
 *   <li>{@link io.ovrsis.api.model.FusionHead} – cost aggregation transformer (RS-Fusion, CAT-Seg)</li>
 *   <li>{@link io.ovrsis.api.model.Decoder} – guided upsampling decoder (RS-Transfer)</li>
 *   <li>{@link io.ovrsis.api.data.DatasetReader} – OVRSISBench datasets and generated data</li>
 *   <li>{@link io.ovrsis.api.eval.Metric} – evaluation maths</li>
 *   <li>{@link io.ovrsis.api.track.RunTracker} – experiment tracking (MLflow)</li>
 * </ul>
 * {@link io.ovrsis.api.nn} holds the small tensor-module layer every model plugin builds on, with
 * PyTorch parameter names so that original checkpoints load by name.
 */
package io.ovrsis.api;
