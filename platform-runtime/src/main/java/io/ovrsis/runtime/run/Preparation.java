package io.ovrsis.runtime.run;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.Preparable;
import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.runtime.inject.PluginCalls;
import java.util.Map;

/** Step two of build → load → train: allocate parameters (seeded), then let each component prepare. */
public final class Preparation {
    private Preparation() {
    }

    /** Random initialisation from the experiment seed, then weights and freezing rules per component. */
    public static void prepareModel(ComposedExperiment experiment, RuntimeEnvironment env, NDManager manager) {
        experiment.model().module().initialize(manager, experiment.spec().seed());
        for (Map.Entry<String, ModelComponent> e : experiment.model().components().entrySet()) {
            prepare(e.getValue(), e.getKey(), env, manager);
        }
    }

    public static void prepare(Preparable component, String keyPath, RuntimeEnvironment env, NDManager manager) {
        PluginCalls.withLoaderOf(component, () -> {
            component.prepare(new DefaultPrepareContext(keyPath, env, manager));
            return null;
        });
    }
}
