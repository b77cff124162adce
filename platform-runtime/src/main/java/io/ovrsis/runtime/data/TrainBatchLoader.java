package io.ovrsis.runtime.data;

import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.SampleRef;
import io.ovrsis.api.model.PreprocessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Produces training batches forever (reshuffled each epoch, seeded) on background threads, a few
 * batches ahead, starting at batch {@code startBatch} (0, or the iteration a run resumes from). Sample i of the run gets its own {@link Random} derived from the seed, so batches
 * do not depend on thread timing.
 */
public final class TrainBatchLoader implements AutoCloseable {
    private final DatasetReader reader;
    private final List<SampleRef> refs;
    private final Augmenter augmenter;
    private final PreprocessSpec preprocess;
    private final int batchSize;
    private final int cropSize;
    private final long seed;
    private final ExecutorService pool;
    private final BlockingQueue<Future<TrainBatch>> ahead;
    private final java.util.Map<Long, int[]> permutations = new java.util.concurrent.ConcurrentHashMap<>();
    private long nextBatch;

    public TrainBatchLoader(DatasetReader reader, List<SampleRef> refs, Augmenter augmenter, PreprocessSpec preprocess,
                            int batchSize, int cropSize, int workers, long seed, long startBatch) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("the training split has no images");
        }
        this.reader = reader;
        this.refs = List.copyOf(refs);
        this.augmenter = augmenter;
        this.preprocess = preprocess;
        this.batchSize = batchSize;
        this.cropSize = cropSize;
        this.seed = seed;
        this.pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "ovrsis-loader");
            t.setDaemon(true);
            return t;
        });
        this.nextBatch = startBatch;
        int prefetch = Math.max(2, workers * 2);
        this.ahead = new ArrayBlockingQueue<>(prefetch);
        for (int i = 0; i < prefetch; i++) {
            submitNext();
        }
    }

    private void submitNext() {
        long index = nextBatch++;
        ahead.add(pool.submit(() -> build(index)));
    }

    /** The next batch; blocks until it is ready. */
    public TrainBatch next() {
        Future<TrainBatch> f = ahead.poll();
        submitNext();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading data", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c.getMessage(), c);
        }
    }

    private TrainBatch build(long batchIndex) {
        int s = cropSize;
        float[] images = new float[batchSize * 3 * s * s];
        int[] labels = new int[batchSize * s * s];
        for (int b = 0; b < batchSize; b++) {
            long sampleIndex = batchIndex * batchSize + b;
            SampleRef ref = refAt(sampleIndex);
            RgbImage img;
            try {
                img = RgbImage.of(reader.read(ref));
            } catch (IOException e) {
                throw new UncheckedIOException(ref.image() + ": " + e.getMessage(), e);
            }
            Random rng = new Random(seed * 0x9E3779B97F4A7C15L + sampleIndex);
            RgbImage aug = augmenter.apply(img, rng);
            System.arraycopy(ImageTensors.normalise(aug, preprocess, s, s), 0, images, b * 3 * s * s, 3 * s * s);
            System.arraycopy(aug.label(), 0, labels, b * s * s, s * s);
        }
        return new TrainBatch(batchSize, s, images, labels);
    }

    private SampleRef refAt(long sampleIndex) {
        int n = refs.size();
        long epoch = sampleIndex / n;
        int[] order = permutations.computeIfAbsent(epoch, e -> {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                idx.add(i);
            }
            Collections.shuffle(idx, new Random(seed + 31 * e));
            return idx.stream().mapToInt(Integer::intValue).toArray();
        });
        permutations.keySet().removeIf(e -> e < epoch - 1);
        return refs.get(order[(int) (sampleIndex % n)]);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
