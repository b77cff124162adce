package io.ovrsis.plugins.semseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ovrsis.api.data.ClassVocabulary;
import io.ovrsis.api.eval.MetricValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemSegMetricTest {
    private static final ClassVocabulary ABC = new ClassVocabulary(List.of("a", "b", "c"));
    private static final double EPS = 1e-12;

    private static SemSegMetric metric(ClassVocabulary classes) {
        SemSegMetric m = new SemSegMetric(SemSegMetricConfig.defaults());
        m.reset(classes, 255);
        return m;
    }

    @Test
    void scoresMatchHandComputedConfusionMatrix() {
        SemSegMetric m = metric(ABC);
        // (pred, gt): (0,0) (0,1) (1,1) (1,1) (1,ign) (0,0) (2,1) (0,ign); class c never in the ground truth
        m.update(new int[] {0, 0, 1, 1, 1, 0, 2, 0}, new int[] {0, 1, 1, 1, 255, 0, 1, 255});
        MetricValues v = m.compute();

        assertThat(v.confusion()).isDeepEqualTo(new long[][] {
            {2, 1, 0, 1},
            {0, 2, 0, 1},
            {0, 1, 0, 0},
            {0, 0, 0, 0}});
        // tp = [2, 2, 0], posGt = [2, 4, 0], posPred = [3, 2, 1]
        assertThat(v.perClass().get("ACC")[0]).isCloseTo(100.0, within(EPS));
        assertThat(v.perClass().get("ACC")[1]).isCloseTo(50.0, within(EPS));
        assertThat(v.perClass().get("ACC")[2]).isNaN();
        assertThat(v.perClass().get("IoU")[0]).isCloseTo(100 * 2.0 / 3, within(EPS));
        assertThat(v.perClass().get("IoU")[1]).isCloseTo(50.0, within(EPS));
        assertThat(v.perClass().get("IoU")[2]).isNaN();
        // c is skipped, not averaged in as 0 (which would give 100 * 7/18)
        assertThat(v.summary().get("mIoU")).isCloseTo(100 * 7.0 / 12, within(EPS));
        assertThat(v.summary().get("mACC")).isCloseTo(75.0, within(EPS));
        // fwIoU = (2/3·2 + 1/2·4) / 6, pACC = 4 / 6
        assertThat(v.summary().get("fwIoU")).isCloseTo(100 * 10.0 / 18, within(EPS));
        assertThat(v.summary().get("pACC")).isCloseTo(100 * 4.0 / 6, within(EPS));
        assertThat(v.summary()).containsOnlyKeys("mIoU", "fwIoU", "mACC", "pACC");
        assertThat(v.perClass()).containsOnlyKeys("IoU", "ACC");
        assertThat(v.classNames()).containsExactly("a", "b", "c");
    }

    @Test
    void ignoredPixelsChangeNoScore() {
        SemSegMetric withIgnored = metric(ABC);
        withIgnored.update(new int[] {0, 0, 1, 2, 2, 1}, new int[] {0, 255, 1, 255, 2, 1});
        SemSegMetric without = metric(ABC);
        without.update(new int[] {0, 1, 2, 1}, new int[] {0, 1, 2, 1});

        MetricValues a = withIgnored.compute();
        MetricValues b = without.compute();
        assertThat(a.summary()).isEqualTo(b.summary());
        assertThat(a.summary().get("mIoU")).isCloseTo(100.0, within(EPS));
        assertThat(a.confusion()[0][3]).isEqualTo(1);
        assertThat(a.confusion()[2][3]).isEqualTo(1);
    }

    @Test
    void accumulatesOverTheDatasetInsteadOfAveragingImages() {
        ClassVocabulary ab = new ClassVocabulary(List.of("a", "b"));
        SemSegMetric m = metric(ab);
        m.update(new int[] {0, 0}, new int[] {0, 0});          // alone: mIoU 100 (b absent)
        m.update(new int[] {0, 1, 1, 1}, new int[] {1, 1, 1, 1}); // alone: mIoU 75 (a absent)
        MetricValues v = m.compute();

        // accumulated: tp = [2, 3], posGt = [2, 4], posPred = [3, 3] → IoU = [2/3, 3/4]
        assertThat(v.summary().get("mIoU")).isCloseTo(100 * 17.0 / 24, within(EPS));
        assertThat(v.summary().get("mIoU")).isNotCloseTo(87.5, within(1.0));
        assertThat(m.images()).isEqualTo(2);
    }

    @Test
    void resetStartsANewDataset() {
        SemSegMetric m = metric(ABC);
        m.update(new int[] {1}, new int[] {0});
        m.reset(ABC, 255);
        m.update(new int[] {0}, new int[] {0});
        assertThat(m.compute().summary().get("mIoU")).isCloseTo(100.0, within(EPS));
    }

    @Test
    void emptyOrFullyIgnoredDatasetGivesNaNLikeDetectron2() {
        SemSegMetric m = metric(ABC);
        m.update(new int[] {0, 1}, new int[] {255, 255});
        MetricValues v = m.compute();
        assertThat(v.summary().get("mIoU")).isNaN();
        assertThat(v.summary().get("mACC")).isNaN();
        assertThat(v.summary().get("pACC")).isNaN();
        assertThat(v.summary().get("fwIoU")).isEqualTo(0.0); // numpy sums an empty selection to 0
    }

    @Test
    void rejectsPredictionsOutsideTheClassRangeWithoutCountingTheImage() {
        SemSegMetric m = metric(ABC);
        assertThatThrownBy(() -> m.update(new int[] {0, 3}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction 3 at pixel 1");
        assertThatThrownBy(() -> m.update(new int[] {-1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction -1");
        assertThatThrownBy(() -> m.update(new int[] {0}, new int[] {7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ground truth 7");
        assertThatThrownBy(() -> m.update(new int[] {0}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target has 2");
        assertThat(m.images()).isZero();
        assertThat(java.util.Arrays.stream(m.compute().confusion()).flatMapToLong(java.util.Arrays::stream).sum()).isZero();
    }

    @Test
    void updateBeforeResetIsAnError() {
        SemSegMetric m = new SemSegMetric(SemSegMetricConfig.defaults());
        assertThatThrownBy(() -> m.update(new int[] {0}, new int[] {0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
    }

    @Test
    void boundaryIoUOfAPerfectPredictionIsHundredWhereDefined() {
        SemSegMetric m = new SemSegMetric(new SemSegMetricConfig(true));
        m.reset(ABC, 255);
        int h = 8;
        int w = 8;
        int[] gt = new int[h * w];
        for (int i = 0; i < gt.length; i++) {
            gt[i] = (i % w) < 4 ? 1 : 2;
        }
        m.update(gt.clone(), gt, h, w);
        MetricValues v = m.compute();
        double[] b = v.perClass().get("BoundaryIoU");
        assertThat(b[1]).isCloseTo(100.0, within(EPS));
        assertThat(b[2]).isCloseTo(100.0, within(EPS));
        assertThat(b[0]).isCloseTo(100.0, within(EPS)); // boundary value 0 is counted as class 0, as in detectron2
        assertThat(v.summary().get("mIoU")).isCloseTo(100.0, within(EPS));
    }

    @Test
    void boundaryIoUNeedsTheImageSize() {
        SemSegMetric m = new SemSegMetric(new SemSegMetricConfig(true));
        m.reset(ABC, 255);
        assertThatThrownBy(() -> m.update(new int[] {0}, new int[] {0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("height");
        assertThatThrownBy(() -> m.update(new int[] {0, 0}, new int[] {0, 0}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3×1");
    }
}
