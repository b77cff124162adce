package io.ovrsis.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fully bound and validated experiment: every slot has its factory and config record, every
 * platform setting its value (defaults filled in).
 *
 * @param seed the experiment seed
 * @param model the model's slots
 * @param data training data
 * @param train the optimisation schedule
 * @param eval evaluation
 * @param tracking the run tracker slot ({@code mlflow} unless configured)
 */
public record ExperimentSpec(long seed, ModelSpec model, DataSpec data, TrainSpec train, EvalSpec eval,
        BoundComponent tracking) {

    /** Every bound component, model first, in a stable order (for plugin tags and reports). */
    public List<BoundComponent> components() {
        List<BoundComponent> all = new ArrayList<>();
        all.add(model.imageEncoder());
        all.add(model.textEncoder());
        all.addAll(model.auxEncoders().values());
        all.add(model.aggregator());
        all.add(model.fusion());
        all.add(model.decoder());
        if (data.train() != null) {
            all.add(data.train().reader());
        }
        eval.datasets().forEach(dataset -> all.add(dataset.reader()));
        all.addAll(eval.metrics());
        all.add(tracking);
        all.removeIf(Objects::isNull);
        return all;
    }
}
