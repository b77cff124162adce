package io.ovrsis.plugins.ovrsisbench;

import java.util.List;
import java.util.Map;

/**
 * {@code dataset.json} of a generated {@code synthetic-aerial} folder: what produced it and what
 * it holds. Deterministic (no timestamps), so two generations with one config are byte-identical.
 *
 * @param generator always {@code synthetic-aerial}
 * @param generatorVersion {@code AerialSceneGenerator.VERSION} at generation time
 * @param seed the config seed
 * @param imageSize the config image size
 * @param images image count per split, in split order
 * @param classes class names, index order (also in {@code classes.json})
 * @param ignoreIndex the label value of ignored pixels
 * @param classPixels per split, labelled pixels per class
 * @param ignorePixels per split, ignored pixels
 */
public record SyntheticAerialManifest(String generator, int generatorVersion, long seed, int imageSize,
                                      Map<String, Integer> images, List<String> classes, int ignoreIndex,
                                      Map<String, long[]> classPixels, Map<String, Long> ignorePixels) {

    /** True when this folder was generated with the parameters of {@code config} by this generator version. */
    boolean matches(int version, SyntheticAerialDatasetReaderConfig config) {
        return SyntheticAerialDataset.NAME.equals(generator) && generatorVersion == version && seed == config.seed()
                && imageSize == config.imageSize() && SyntheticAerialDataset.splitCounts(config).equals(images);
    }

    /** The generation parameters, for messages. */
    String describe() {
        return "generator version " + generatorVersion + ", seed " + seed + ", imageSize " + imageSize + ", images " + images;
    }
}
