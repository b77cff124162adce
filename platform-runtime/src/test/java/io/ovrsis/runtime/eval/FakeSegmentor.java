package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import java.util.List;
import java.util.Map;

/**
 * A small model of fake components with trainable parameters: a 32-px encoder (map "dense", grid 4),
 * an aux encoder, a two-view aggregator with cost maps, identity fusion and a decoder that records
 * whether autograd was recording while it ran.
 */
final class FakeSegmentor {
    static final int SIZE = 32;
    static final int GRID = 4;
    static final int DIM = 3;

    private FakeSegmentor() {
    }

    /** One trainable scalar "w" (starts at 1). */
    static final class ScalarModule extends TensorModule {
        ScalarModule() {
            param("w", new Shape(1), Init.constant(1f));
        }

        NDArray w() {
            return namedParameters().get("w").array();
        }
    }

    static final class Encoder implements ImageEncoder {
        final ScalarModule module = new ScalarModule();

        @Override
        public TensorModule module() {
            return module;
        }

        @Override
        public FeatureSpec featureSpec() {
            return FeatureSpec.builder().setInputSize(SIZE).addMap("dense", DIM, SIZE / GRID).build();
        }

        @Override
        public PreprocessSpec preprocess() {
            return PreprocessSpec.clip(SIZE);
        }

        /** Every 8th pixel of the three channels, times w: (B, 3, 4, 4). */
        @Override
        public FeatureMaps encode(NDArray images, boolean training) {
            NDArray dense = images.get(":, :, ::8, ::8").mul(module.w());
            return new FeatureMaps(Map.of("dense", dense));
        }
    }

    static final class Text implements TextEncoder {
        final ScalarModule module = new ScalarModule();

        @Override
        public TensorModule module() {
            return module;
        }

        @Override
        public int embeddingDim() {
            return DIM;
        }

        @Override
        public List<String> templates() {
            return List.of("{}");
        }

        /** Class t points mostly along channel t mod 3. */
        @Override
        public TextEmbeddings encode(List<String> classNames, NDManager manager, boolean training) {
            float[] v = new float[classNames.size() * DIM];
            for (int t = 0; t < classNames.size(); t++) {
                for (int d = 0; d < DIM; d++) {
                    v[t * DIM + d] = d == t % DIM ? 1f : 0.1f * (t + 1);
                }
            }
            NDArray e = Ops.l2Normalize(manager.create(v, new Shape(classNames.size(), 1, DIM)), 2, 1e-12f);
            return new TextEmbeddings(e, classNames, templates());
        }
    }

    static final class Aggregator implements CostAggregator {
        final ScalarModule module = new ScalarModule();

        @Override
        public TensorModule module() {
            return module;
        }

        @Override
        public int[] rotations() {
            return new int[] {0, 2};
        }

        @Override
        public List<FeatureRef> requiredFeatures() {
            return List.of(new FeatureRef(FeatureRef.MAIN, "dense"));
        }

        @Override
        public int outputChannels() {
            return 2;
        }

        /** (B, T, h, w) cosine of a view's map (turned back) with the text. */
        private static NDArray cost(FeatureMaps view, int turn, TextEmbeddings text) {
            NDArray f = Ops.rot90(Ops.l2Normalize(view.get("dense"), 1, 1e-12f), -turn);
            Shape s = f.getShape();
            NDArray t = text.embeddings().get(":, 0, :");
            return f.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1).matMul(t.transpose())
                    .transpose(0, 2, 1).reshape(s.get(0), t.getShape().get(0), s.get(2), s.get(3));
        }

        @Override
        public CostVolume aggregate(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text, boolean training) {
            NDList both = new NDList(cost(views.get(0), 0, text), cost(views.get(1), 2, text).mul(module.w()));
            return new CostVolume(NDArrays.stack(both, 1));
        }

        @Override
        public Map<String, NDArray> costMaps(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text) {
            return Map.of("rot0", cost(views.get(0), 0, text), "rot180", cost(views.get(1), 2, text));
        }
    }

    static final class Fusion implements FusionHead {
        final ScalarModule module = new ScalarModule();

        @Override
        public TensorModule module() {
            return module;
        }

        @Override
        public List<FeatureRef> requiredFeatures() {
            return List.of();
        }

        @Override
        public CostVolume fuse(CostVolume cost, Guidance guidance, TextEmbeddings text, boolean training) {
            return cost;
        }
    }

    static final class Head implements Decoder {
        final ScalarModule module = new ScalarModule();
        /** PyTorch's (thread-local) grad mode during the last decode: on, the pass records history. */
        boolean gradModeWhenDecoding;

        @Override
        public TensorModule module() {
            return module;
        }

        @Override
        public List<FeatureRef> requiredFeatures() {
            return List.of();
        }

        @Override
        public int upsampling() {
            return 1;
        }

        /** Mean over the channels, times w, times 4: (B, T, h, w). */
        @Override
        public NDArray decode(CostVolume cost, Guidance guidance, boolean training) {
            NDArray out = cost.volume().mean(new int[] {1}).mul(module.w()).mul(4f);
            gradModeWhenDecoding = JniUtils.isGradMode();
            return out;
        }
    }

    /** The model and its decoder (for the autograd flag); parameters initialised in {@code manager}. */
    record Built(OpenVocabSegmentor model, Head head) {
    }

    static Built build(NDManager manager) {
        Head head = new Head();
        OpenVocabSegmentor model = new OpenVocabSegmentor(new Encoder(), new Text(), Map.of("aux", new Encoder()),
                new Aggregator(), new Fusion(), head);
        model.module().initialize(manager, 3);
        return new Built(model, head);
    }
}
