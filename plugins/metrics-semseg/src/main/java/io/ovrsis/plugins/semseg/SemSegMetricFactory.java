package io.ovrsis.plugins.semseg;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.eval.Metric;
import io.ovrsis.api.eval.MetricFactory;
import org.pf4j.Extension;

/** Component {@code semseg}: detectron2 {@code SemSegEvaluator} (mIoU, fwIoU, mACC, pACC). */
@Extension
public class SemSegMetricFactory implements MetricFactory<SemSegMetricConfig> {

    @Override
    public String id() {
        return "semseg";
    }

    @Override
    public Class<SemSegMetricConfig> configType() {
        return SemSegMetricConfig.class;
    }

    @Override
    public SemSegMetricConfig defaultConfig() {
        return SemSegMetricConfig.defaults();
    }

    @Override
    public Metric create(SemSegMetricConfig config, BuildContext context) {
        return new SemSegMetric(config);
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("Semantic segmentation scores with detectron2 SemSegEvaluator semantics: "
                + "dataset-level confusion matrix, mIoU, fwIoU, mACC, pACC (percent)");
    }
}
