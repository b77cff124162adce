package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.api.weights.StateDictReader;
import io.ovrsis.plugins.dino.weights.DinoWeightLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts, renaming and strictness of weight loading, on hand-made state dicts. */
class DinoWeightLoadingTest {
    private static final Path FILE = Path.of("pretrain/hand-made.pth");
    private static final String KEY = TestContexts.KEY;

    /** width 8, 1 block, 2 heads, patch 4, grid 2, 8 px. */
    private static DinoImageEncoderConfig tinyConfig(String weights) {
        return new DinoImageEncoderConfig(8, 1, 2, 4, 2, 8, null, List.of(0), true, Finetune.FROZEN, 1.0, weights);
    }

    private static TensorModule tinyTower() {
        return TestContexts.create(tinyConfig(null)).module();
    }

    /** Distinct values for every parameter of {@code module}, under {@code prefix + name}. */
    private static Map<String, NDArray> dict(TensorModule module, NDManager m, String prefix) {
        Map<String, NDArray> d = new LinkedHashMap<>();
        int seed = 1;
        for (Map.Entry<String, Param> e : module.namedParameters().entrySet()) {
            Shape s = e.getValue().shape();
            d.put(prefix + e.getKey(), m.arange(0f, (float) s.size()).reshape(s).mul(0.001f * seed++).add(0.1f));
        }
        return d;
    }

    private static void assertLoaded(TensorModule module, Map<String, NDArray> d, String prefix) {
        module.namedParameters().forEach((k, p) -> {
            NDArray expected = d.get(prefix + k).toType(DataType.FLOAT32, false);
            assertThat(p.array().getDataType()).as(k).isEqualTo(DataType.FLOAT32);
            assertThat(p.array().contentEquals(expected)).as(k).isTrue();
        });
    }

    @Test
    void plainStateDictLoads() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule tower = tinyTower();
            tower.initialize(m, 1L);
            Map<String, NDArray> d = dict(tower, m, "");
            assertThat(DinoWeightLoader.load(tower, new StateDict(FILE, d), null, KEY, "dino-vit")).isZero();
            assertLoaded(tower, d, "");
        }
    }

    @Test
    void teacherLayoutLosesItsPrefixesAndItsHeadAndFp16IsWidened() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule tower = tinyTower();
            tower.initialize(m, 1L);
            Map<String, NDArray> d = dict(tower, m, "module.backbone.");
            d.put("module.backbone.blocks.0.mlp.fc1.weight",
                    d.get("module.backbone.blocks.0.mlp.fc1.weight").toType(DataType.FLOAT16, false));
            d.put("module.head.mlp.0.weight", m.ones(new Shape(16, 8)));
            d.put("module.head.mlp.0.bias", m.ones(new Shape(16)));
            d.put("module.head.last_layer.weight_g", m.ones(new Shape(10, 1)));
            d.put("module.head.last_layer.weight_v", m.ones(new Shape(10, 16)));
            assertThat(DinoWeightLoader.load(tower, new StateDict(FILE, d), "teacher", KEY, "dino-vit")).isEqualTo(4);
            assertLoaded(tower, d, "module.backbone.");
            assertThat(DinoWeightLoader.towerName("module.backbone.blocks.0.norm1.weight")).isEqualTo("blocks.0.norm1.weight");
            assertThat(DinoWeightLoader.towerName("backbone.cls_token")).isEqualTo("cls_token");
            assertThat(DinoWeightLoader.towerName("module.head.mlp.0.weight")).isEqualTo("head.mlp.0.weight");
        }
    }

    @Test
    void theTeacherEntryIsTriedFirstAndTheWholeFileOtherwise(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("pretrain"));
        Files.writeString(project.resolve("pretrain/w.pth"), "read by the fake reader");
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = TestContexts.create(tinyConfig("pretrain/w.pth"));
            enc.module().initialize(m, 1L);
            TensorModule tower = enc.module();
            List<String> asked = new ArrayList<>();
            // the loader closes what it read: each call makes a fresh (deterministic) dict
            StateDictReader plainFile = (f, entry, mgr) -> {
                asked.add(String.valueOf(entry));
                if (entry != null) {
                    throw new ComponentException("OVRSIS-WEIGHTS-MISSING", "", f + ": has no top-level entry '" + entry + "'");
                }
                return new StateDict(f, dict(tower, mgr, ""));
            };
            enc.prepare(TestContexts.prepare(project, m, plainFile));
            assertThat(asked).containsExactly("teacher", "null");
            assertLoaded(tower, dict(tower, m, ""), "");

            asked.clear();
            tower.namedParameters().values().forEach(p -> p.array().muli(0f));
            StateDictReader teacherFile = (f, entry, mgr) -> {
                asked.add(String.valueOf(entry));
                return new StateDict(f, dict(tower, mgr, "backbone."));
            };
            enc.prepare(TestContexts.prepare(project, m, teacherFile));
            assertThat(asked).containsExactly("teacher");
            assertLoaded(tower, dict(tower, m, "backbone."), "backbone.");
        }
    }

    @Test
    void readerErrorsOtherThanAMissingTeacherStandUnderTheWeightsKey(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("pretrain"));
        Files.writeString(project.resolve("pretrain/broken.pth"), "not a checkpoint");
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = TestContexts.create(tinyConfig("pretrain/broken.pth"));
            enc.module().initialize(m, 1L);
            List<String> asked = new ArrayList<>();
            StateDictReader formatError = (f, e, mgr) -> {
                asked.add(String.valueOf(e));
                throw new ComponentException("OVRSIS-WEIGHTS-FORMAT", "", f + ": not a PyTorch checkpoint");
            };
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare(project, m, formatError)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-FORMAT");
                        assertThat(e.keyPath()).isEqualTo(KEY + ".weights");
                    })
                    .hasMessageContaining("broken.pth: not a PyTorch checkpoint");
            assertThat(asked).containsExactly("teacher");
            StateDictReader ioError = (f, e, mgr) -> {
                throw new IOException("truncated");
            };
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare(project, m, ioError)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-READ");
                        assertThat(e.keyPath()).isEqualTo(KEY + ".weights");
                    })
                    .hasMessageContaining("broken.pth could not be read as a PyTorch checkpoint: truncated");
        }
    }

    @Test
    void missingAndUnexpectedKeysAreListed() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule tower = tinyTower();
            Map<String, NDArray> d = dict(tower, m, "module.backbone.");
            d.remove("module.backbone.norm.bias");
            d.put("module.backbone.blocks.1.norm1.weight", m.ones(new Shape(8)));
            d.put("module.backbone.mask_token", m.ones(new Shape(1, 8)));
            assertThatThrownBy(() -> DinoWeightLoader.load(tower, new StateDict(FILE, d), "teacher", KEY, "dino-vit"))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-KEYS");
                        assertThat(e.keyPath()).isEqualTo(KEY + ".weights");
                    })
                    .hasMessageContaining("pretrain/hand-made.pth (entry 'teacher'): does not fit dino-vit (" + KEY + ")")
                    .hasMessageContaining("1 missing keys: norm.bias (8)")
                    .hasMessageContaining("2 unexpected keys: module.backbone.blocks.1.norm1.weight (8);"
                            + " module.backbone.mask_token (1, 8)")
                    .hasMessageContaining("after removing 'module.' and 'backbone.' and dropping the projection head")
                    .hasMessageContaining("a DINO ViT without a preset (dino-vit): width 8, layers 2, patchSize 4,"
                            + " pretrainedGrid 2 (8 px), MLP 32");
        }
    }

    @Test
    void twoKeysBecomingOneNameAreAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule tower = tinyTower();
            Map<String, NDArray> d = dict(tower, m, "");
            d.put("module.cls_token", m.ones(new Shape(1, 1, 8)));
            assertThatThrownBy(() -> DinoWeightLoader.load(tower, new StateDict(FILE, d), null, KEY, "dino-vit"))
                    .isInstanceOfSatisfying(ComponentException.class,
                            e -> assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-KEYS"))
                    .hasMessageContaining("1 name clashes: cls_token and module.cls_token both become cls_token");
        }
    }

    @Test
    void aViTB16FileForTheB8TowerIsRecognised() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule b8 = new DinoVitB8ImageEncoderFactory().create(new DinoVitB8ImageEncoderFactory().defaultConfig(),
                    TestContexts.build()).module();
            Map<String, NDArray> d = new LinkedHashMap<>();
            d.put("cls_token", m.zeros(new Shape(1, 1, 768)));
            d.put("pos_embed", m.zeros(new Shape(1, 197, 768)));
            d.put("patch_embed.proj.weight", m.zeros(new Shape(768, 3, 16, 16), DataType.FLOAT16));
            for (int i = 0; i < 12; i++) {
                d.put("blocks." + i + ".mlp.fc1.weight", m.zeros(new Shape(3072, 768)));
            }
            assertThatThrownBy(() -> DinoWeightLoader.load(b8, new StateDict(Path.of("pretrain/RSIB.pth"), d), null,
                    KEY, "dino-vitb8"))
                    .isInstanceOfSatisfying(ComponentException.class,
                            e -> assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-SHAPE"))
                    .hasMessageContaining("2 wrong shapes: pos_embed has shape (1, 197, 768), expected (1, 785, 768);"
                            + " patch_embed.proj.weight has shape (768, 3, 16, 16), expected (768, 3, 8, 8)")
                    .hasMessageContaining("; and 123 more.")
                    .hasMessageContaining("looks like a DINO ViT-B/16 (no preset; dino-vit): width 768, layers 12,"
                            + " heads 12 if DINO's width / 64, patchSize 16, pretrainedGrid 14 (224 px), MLP 3072");
        }
    }

    @Test
    void aMissingWeightFileNamesTheExpectedPathAndWhereRsibIsPublished(@TempDir Path project) {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = (DinoImageEncoder) new DinoVitB8ImageEncoderFactory()
                    .create(new DinoVitB8ImageEncoderFactory().defaultConfig(), TestContexts.build());
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare(project, m, null)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-MISSING");
                        assertThat(e.keyPath()).isEqualTo(KEY + ".weights");
                    })
                    .hasMessageContaining("The DINO weight file " + project.resolve("pretrain/RSIB.pth"))
                    .hasMessageContaining("(" + KEY + ".weights = \"pretrain/RSIB.pth\") does not exist")
                    .hasMessageContaining("yecy749/GSNet")
                    .hasMessageContaining("https://drive.google.com/file/d/1kH0wDM_Hl4sEQJG8JjILCo0RTx65X7zV/view")
                    .hasMessageContaining("set weights: null for a randomly initialised tower");
        }
    }
}
