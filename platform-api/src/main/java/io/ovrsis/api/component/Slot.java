package io.ovrsis.api.component;

import io.ovrsis.api.data.DatasetReaderFactory;
import io.ovrsis.api.eval.MetricFactory;
import io.ovrsis.api.model.CostAggregatorFactory;
import io.ovrsis.api.model.DecoderFactory;
import io.ovrsis.api.model.FusionHeadFactory;
import io.ovrsis.api.model.ImageEncoderFactory;
import io.ovrsis.api.model.TextEncoderFactory;
import io.ovrsis.api.track.RunTrackerFactory;

/** Every extension point, one per line: the table of contents of the platform. */
public enum Slot {
    IMAGE_ENCODER("ImageEncoder", ImageEncoderFactory.class),
    TEXT_ENCODER("TextEncoder", TextEncoderFactory.class),
    COST_AGGREGATOR("CostAggregator", CostAggregatorFactory.class),
    FUSION_HEAD("FusionHead", FusionHeadFactory.class),
    DECODER("Decoder", DecoderFactory.class),
    DATASET_READER("DatasetReader", DatasetReaderFactory.class),
    METRIC("Metric", MetricFactory.class),
    RUN_TRACKER("RunTracker", RunTrackerFactory.class);

    private final String displayName;
    @SuppressWarnings("rawtypes")
    private final Class<? extends ComponentFactory> factoryType;

    @SuppressWarnings("rawtypes")
    Slot(String displayName, Class<? extends ComponentFactory> factoryType) {
        this.displayName = displayName;
        this.factoryType = factoryType;
    }

    public String displayName() {
        return displayName;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends ComponentFactory> factoryType() {
        return factoryType;
    }
}
