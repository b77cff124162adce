package io.ovrsis.runtime.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.weights.StateDict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture format read back and compared with what PyTorch reads (max diff 0.0). */
class TorchCheckpointReaderTest {
    private final TorchCheckpointReader reader = new TorchCheckpointReader();

    @ParameterizedTest
    @ValueSource(strings = {"basic_zip", "basic_legacy"})
    void readsEveryDtypeAndStridedViewsExactly(String stem) throws IOException {
        JsonNode expected = Fixtures.expected(stem);
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file(stem + ".pth"), m)) {
            Fixtures.assertMatches(dict, expected);
            assertThat(dict.tensors().get("f16").getDataType()).isEqualTo(DataType.FLOAT16);
            assertThat(dict.tensors().get("bf16").getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(dict.tensors().get("transposed").getShape().getShape()).containsExactly(4, 3);
            assertThat(dict.tensors().get("sliced").getShape().getShape()).containsExactly(2, 2);
            assertThat(dict.tensors().get("scalar").getShape().dimension()).isZero();
            assertThat(dict.source()).isEqualTo(Fixtures.file(stem + ".pth"));
        }
    }

    @Test
    void viewsSharingAStorageAreIndependentArrays() throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file("basic_zip.pth"), m)) {
            float before = dict.tensors().get("transposed").getFloat(0, 1);
            dict.tensors().get("base").set(new NDIndex("1, 0"), 99f);
            assertThat(dict.tensors().get("transposed").getFloat(0, 1)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"detectron2_zip", "detectron2_legacy"})
    void descendsIntoTheModelEntryPastNumpyScalarsAndNamespaces(String stem) throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file(stem + ".pth"), "model", m)) {
            Fixtures.assertMatches(dict, Fixtures.expected(stem));
        }
    }

    @Test
    void readsOnlyTheStoragesOfTheRequestedEntry(@TempDir Path dir) throws IOException {
        // data/4 is the optimizer's momentum buffer: without it, "model" still reads
        Path file = HandmadeCheckpoints.withoutEntry(Fixtures.file("detectron2_zip.pth"),
                dir.resolve("no_optimizer_storage.pth"), "/data/4");
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(file, "model", m)) {
            Fixtures.assertMatches(dict, Fixtures.expected("detectron2_zip"));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> reader.read(file, "optimizer", m))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("storage detectron2_zip/data/4 is missing");
        }
    }

    @Test
    void readsNestedDictsUnderDottedNames() throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file("detectron2_legacy.pth"), "optimizer", m)) {
            assertThat(dict.tensors().keySet()).containsExactly("state.0.momentum_buffer");
            assertThat(dict.tensors().get("state.0.momentum_buffer").getShape().getShape())
                    .containsExactly(4, 2);
        }
    }

    @Test
    void descendsIntoTheDinoTeacherAndStripsItsPrefixes() throws IOException {
        JsonNode expected = Fixtures.expected("dino_teacher");
        try (NDManager m = NDManager.newBaseManager();
                StateDict teacher = reader.read(Fixtures.file("dino_teacher.pth"), "teacher", m)) {
            Fixtures.assertMatches(teacher, expected);
            StateDict stripped = StateDicts.stripPrefixes(teacher, "module.", "backbone.");
            assertThat(stripped.tensors().keySet()).containsExactly(
                    "cls_token", "blocks.0.norm1.weight", "head.last_layer.weight");
            assertThat(stripped.tensors().get("cls_token"))
                    .isSameAs(teacher.tensors().get("module.backbone.cls_token"));
        }
    }

    @Test
    void readsAPickledModuleObjectLikeItsStateDict() throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file("whole_module.pth"), m)) {
            Fixtures.assertMatches(dict, Fixtures.expected("whole_module"));
            assertThat(dict.tensors()).doesNotContainKey("bn.scratch"); // non-persistent buffer
        }
    }

    @Test
    void readsTorchScriptArchivesUnderStateDictNames() throws IOException {
        JsonNode expected = Fixtures.expected("clip_like_script");
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file("clip_like_script.pt"), m)) {
            Fixtures.assertMatches(dict, expected);
            assertThat(dict.tensors()).doesNotContainKey("scratch"); // plain attribute, no buffer
            assertThat(dict.tensors().get("visual.transformer.resblocks.1.attn.in_proj_weight")
                    .getDataType()).isEqualTo(DataType.FLOAT16);
            assertThat(dict.tensors().get("visual.ln_post.weight").getDataType())
                    .isEqualTo(DataType.FLOAT32);
            assertThat(dict.tensors().get("input_resolution").getLong()).isEqualTo(8L);
            assertThat(dict.tensors().get("context_length").getLong()).isEqualTo(6L);
            assertThat(dict.tensors().get("vocab_size").getLong()).isEqualTo(10L);
        }
    }

    @Test
    void descendsIntoATorchScriptSubmodule() throws IOException {
        JsonNode expected = Fixtures.expected("clip_like_script");
        try (NDManager m = NDManager.newBaseManager();
                StateDict visual = reader.read(Fixtures.file("clip_like_script.pt"), "visual", m)) {
            assertThat(List.copyOf(visual.tensors().keySet()))
                    .containsExactlyElementsOf(Fixtures.strings(expected.get("visualKeys")));
            Fixtures.assertTensor("proj", visual.tensors().get("proj"),
                    expected.get("tensors").get("visual.proj"));
        }
    }

    @Test
    void theZipPrefixDoesNotHaveToMatchTheFileName(@TempDir Path dir) throws IOException {
        Path renamed = Files.copy(Fixtures.file("basic_zip.pth"), dir.resolve("weights.bin"));
        try (NDManager m = NDManager.newBaseManager(); StateDict dict = reader.read(renamed, m)) {
            Fixtures.assertMatches(dict, Fixtures.expected("basic_zip"));
        }
    }

    @Test
    void blankEntryMeansTheWholeFile() throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = reader.read(Fixtures.file("basic_legacy.pth"), " ", m)) {
            assertThat(dict.tensors()).hasSize(Fixtures.names(Fixtures.expected("basic_legacy")).size());
        }
    }

    @Test
    void handmadePickleReadsWhenConsistent(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", HandmadeCheckpoints.singleTensorPickle(
                "HalfStorage", 8, 2, new int[] {3, 2}, new int[] {1, 3}));
        entries.put("data/0", new byte[16]);
        Path file = HandmadeCheckpoints.torchZip(dir.resolve("ok.pth"), entries);
        try (NDManager m = NDManager.newBaseManager(); StateDict dict = reader.read(file, m)) {
            assertThat(dict.tensors().get("w").getShape().getShape()).containsExactly(3, 2);
        }
    }

    @Test
    void bigEndianStoragesAreSwapped(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", HandmadeCheckpoints.singleTensorPickle(
                "FloatStorage", 4, 0, new int[] {2, 2}, new int[] {1, 2}));
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        data.putFloat(1.5f).putFloat(-2f).putFloat(3.25f).putFloat(1e-3f);
        entries.put("data/0", data.array());
        entries.put("byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        Path file = HandmadeCheckpoints.torchZip(dir.resolve("big.pth"), entries);
        try (NDManager m = NDManager.newBaseManager(); StateDict dict = reader.read(file, m)) {
            assertThat(dict.tensors().get("w").toFloatArray()).containsExactly(1.5f, 3.25f, -2f, 1e-3f);
        }
    }

    @Test
    void detectsEachFormatFromTheContents() throws IOException {
        assertThat(CheckpointFormat.detect(Fixtures.file("basic_zip.pth"))).isEqualTo(CheckpointFormat.TORCH_ZIP);
        assertThat(CheckpointFormat.detect(Fixtures.file("basic_legacy.pth"))).isEqualTo(CheckpointFormat.TORCH_LEGACY);
        assertThat(CheckpointFormat.detect(Fixtures.file("detectron2_legacy.pth"))).isEqualTo(CheckpointFormat.TORCH_LEGACY);
        assertThat(CheckpointFormat.detect(Fixtures.file("clip_like_script.pt"))).isEqualTo(CheckpointFormat.TORCHSCRIPT);
    }
}
