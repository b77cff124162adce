package io.ovrsis.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.model.StageObserver;
import io.ovrsis.runtime.train.GradMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Predictor#inspect} on a model of fake components: the same labels as {@link Predictor#predict},
 * logits and cost maps as the model computes them, every stage observed in order, and no autograd
 * history although every parameter is trainable.
 */
class PredictorInspectTest {
    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private static RgbImage image(int h, int w) {
        SplittableRandom r = new SplittableRandom(5);
        byte[] rgb = new byte[h * w * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) r.nextInt(256);
        }
        return new RgbImage(h, w, rgb, null);
    }

    @Test
    void inspectionKeepsLogitsAndCostMapsOfTheSamePass() {
        try (NDManager m = NDManager.newBaseManager()) {
            FakeSegmentor.Built built = FakeSegmentor.build(m);
            OpenVocabSegmentor model = built.model();
            InferenceSettings settings = new InferenceSettings(0, 2560, 32);
            Predictor predictor = new Predictor(model, settings, m);
            TextEmbeddings text = model.encodeText(CLASSES, m, false);
            RgbImage img = image(40, 50);

            List<String> seen = new ArrayList<>();
            StageObserver recorder = new StageObserver() {
                @Override
                public <T> T run(String stage, Supplier<T> work) {
                    seen.add(stage);
                    return work.get();
                }
            };
            Predictor.Inspection in = predictor.inspect(img, text, new Predictor.Keep(true, true), recorder);
            assertThat(seen).containsExactly("preprocess", "imageEncoder", "auxEncoders.aux", "aggregator", "fusion",
                    "decoder", "postprocess");

            Predictor.Prediction plain = predictor.predict(img, text, false);
            assertThat(in.prediction().labels()).containsExactly(plain.labels());
            assertThat(in.prediction().height()).isEqualTo(40);
            assertThat(in.prediction().width()).isEqualTo(50);

            // the logits are the model's own forward on the padded input (64 x 64 -> squash 32 -> grid 4)
            NDArray input = m.create(ImageTensors.normalise(img, model.preprocess(), 64, 64), new Shape(1, 3, 64, 64));
            NDArray expected = model.forward(input, text, false);
            assertThat(in.logits().classes()).isEqualTo(4);
            assertThat(in.logits().height()).isEqualTo(FakeSegmentor.GRID);
            assertThat(in.logits().width()).isEqualTo(FakeSegmentor.GRID);
            assertThat(in.logits().values()).containsExactly(expected.toFloatArray());

            OpenVocabSegmentor.Stage stage = model.stages(input, text, false);
            Map<String, NDArray> maps = model.costMaps(stage, text);
            assertThat(in.costMaps().keySet()).containsExactlyInAnyOrderElementsOf(maps.keySet());
            for (Map.Entry<String, NDArray> e : maps.entrySet()) {
                assertThat(in.costMaps().get(e.getKey()).values()).containsExactly(e.getValue().toFloatArray());
            }
        }
    }

    @Test
    void nothingIsKeptUnlessAsked() {
        try (NDManager m = NDManager.newBaseManager()) {
            FakeSegmentor.Built built = FakeSegmentor.build(m);
            Predictor predictor = new Predictor(built.model(), new InferenceSettings(0, 2560, 32), m);
            TextEmbeddings text = built.model().encodeText(CLASSES, m, false);
            Predictor.Inspection in = predictor.inspect(image(32, 32), text, Predictor.Keep.NOTHING, StageObserver.NONE);
            assertThat(in.logits()).isNull();
            assertThat(in.costMaps()).isEmpty();
        }
    }

    /** Trainable parameters would record history under grad mode; the predictor must switch it off. */
    @Test
    void inferenceRecordsNoAutogradHistory() {
        try (NDManager m = NDManager.newBaseManager()) {
            FakeSegmentor.Built built = FakeSegmentor.build(m);
            OpenVocabSegmentor model = built.model();
            TextEmbeddings text = model.encodeText(CLASSES, m, false);
            NDArray input = m.create(ImageTensors.normalise(image(32, 32), model.preprocess(), 32, 32), new Shape(1, 3, 32, 32));
            ai.djl.pytorch.jni.JniUtils.setGradMode(true);
            try {
                model.forward(input, text, false);
                assertThat(built.head().gradModeWhenDecoding).as("control: the model itself does not switch it off").isTrue();
                new Predictor(model, new InferenceSettings(0, 2560, 32), m).predict(image(32, 32), text, false);
                assertThat(built.head().gradModeWhenDecoding).isFalse();
                assertThat(GradMode.enabled()).isFalse();
            } finally {
                GradMode.off();
            }
        }
    }
}
