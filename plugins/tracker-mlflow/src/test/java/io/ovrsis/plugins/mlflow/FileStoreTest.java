package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsScalarsAsTheirSourceText() throws IOException {
        Path f = Files.writeString(dir.resolve("meta.yaml"), "a: 1e5\nb: yes\nc: 0x1F\nd: ~\ne: 'quoted: x'\nf: 12\n"
                + "g: long words that were\n  folded by PyYAML\ntags: {}\nlist: []\n");
        Map<String, String> m = FileStore.readScalars(f);
        assertThat(m).containsEntry("a", "1e5").containsEntry("b", "yes").containsEntry("c", "0x1F").containsEntry("d", null)
                .containsEntry("e", "quoted: x").containsEntry("f", "12").containsEntry("g", "long words that were folded by PyYAML")
                .doesNotContainKeys("tags", "list");
    }

    @Test
    void initCreatesTrashAndDefaultOnceAndKeepsExistingFiles() throws IOException {
        Path root = dir.resolve("mlruns");
        Files.createDirectories(root);
        Files.writeString(root.resolve("README.md"), "kept");
        FileStore store = new FileStore(root, "tracking");
        store.init();
        String first = Files.readString(root.resolve("0/meta.yaml"));
        store.init();
        assertThat(Files.readString(root.resolve("0/meta.yaml"))).isEqualTo(first);
        assertThat(root.resolve(".trash")).isDirectory();
        assertThat(root.resolve("README.md")).hasContent("kept");
        assertThat(MlflowStoreReader.experiments(root)).extracting(MlflowStoreReader.Experiment::id).containsExactly("0");
    }

    @Test
    void aDeletedDefaultIsNotRecreated() throws IOException {
        Path root = dir.resolve("mlruns");
        Files.createDirectories(root.resolve(".trash/0"));
        new FileStore(root, "tracking").init();
        assertThat(root.resolve("0")).doesNotExist();
    }

    @Test
    void experimentIdsAreEighteenDigitsAndUnique() throws IOException {
        FileStore store = new FileStore(dir.resolve("mlruns"), "tracking");
        store.init();
        StoreExperiment a = store.experiment("a");
        StoreExperiment b = store.experiment("b");
        assertThat(a.id()).matches("[1-9][0-9]{17}");
        assertThat(b.id()).matches("[1-9][0-9]{17}").isNotEqualTo(a.id());
        assertThat(store.experiment("a").id()).isEqualTo(a.id());
        assertThat(store.findByName("c")).isEmpty();
    }
}
