package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.track.RunTracker;
import io.ovrsis.api.track.RunTrackerFactory;
import org.pf4j.Extension;

/**
 * The {@code mlflow} tracker: a local MLflow file store ({@code uri: mlruns}, the default) or an
 * MLflow tracking server ({@code uri: http://host:5000}). {@link #create} only parses the URI and
 * checks names; the store or server is first touched when a run starts.
 */
@Extension
public class MlflowTrackerFactory implements RunTrackerFactory<MlflowTrackerConfig> {
    public static final String ID = "mlflow";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<MlflowTrackerConfig> configType() {
        return MlflowTrackerConfig.class;
    }

    @Override
    public MlflowTrackerConfig defaultConfig() {
        return MlflowTrackerConfig.defaults();
    }

    @Override
    public RunTracker create(MlflowTrackerConfig config, BuildContext context) {
        String keyPath = context.keyPath();
        MlflowRules.checkExperimentName(config.experiment(), keyPath + ".experiment");
        if (config.runName() != null) {
            MlflowRules.checkRunName(config.runName(), keyPath + ".runName");
        }
        TrackingUri uri = TrackingUri.parse(config.uri(), context.projectDir(), keyPath);
        if (uri.isFileStore()) {
            return new FileStoreTracker(uri.storeRoot(), config, keyPath);
        }
        return new RestTracker(uri.serverUrl(), config, keyPath, System.getenv());
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("MLflow tracking: a local file store (mlruns/, read by 'mlflow ui') or a tracking server (http[s]://)");
    }
}
