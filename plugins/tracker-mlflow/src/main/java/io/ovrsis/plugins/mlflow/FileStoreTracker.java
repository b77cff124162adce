package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.track.RunTracker;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Logs runs into a local MLflow file store. Nothing is touched before {@link #startRun}: the store
 * is initialised, the experiment found or created, and the run folder written there.
 */
final class FileStoreTracker implements RunTracker {
    private final FileStore store;
    private final MlflowTrackerConfig config;
    private final String keyPath;

    FileStoreTracker(Path root, MlflowTrackerConfig config, String keyPath) {
        this.store = new FileStore(root, keyPath);
        this.config = config;
        this.keyPath = keyPath;
    }

    @Override
    public TrackedRun startRun(String runName, Map<String, String> tags) throws IOException {
        return start(runName, tags);
    }

    FileStoreRun start(String runName, Map<String, String> tags) throws IOException {
        Map<String, String> callerTags = tags == null ? Map.of() : tags;
        String name = SystemTags.runName(config.runName(), runName, callerTags, keyPath);
        String user = SystemTags.osUser();
        Map<String, String> allTags = SystemTags.forNewRun(name, user, callerTags);
        for (Map.Entry<String, String> t : allTags.entrySet()) {
            MlflowRules.checkKey("tag", t.getKey(), keyPath);
            MlflowRules.checkTagValue(t.getKey(), t.getValue(), keyPath);
        }
        store.init();
        StoreExperiment experiment = store.experiment(config.experiment());
        return store.createRun(experiment, name, allTags, user, System.currentTimeMillis());
    }

    /** The absolute file-store folder. */
    Path root() {
        return store.root();
    }

    @Override
    public String location() {
        return store.root().toString();
    }
}
