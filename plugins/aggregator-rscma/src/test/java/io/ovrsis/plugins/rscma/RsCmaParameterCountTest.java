package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parameter counts of method.md §5 / §14.9, from declared shapes only (nothing is allocated). */
class RsCmaParameterCountTest {

    private static RsCmaAggregatorConfig paper() {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        return new RsCmaAggregatorConfig(d.directions(), d.source(), List.of("dino"), d.extraCostFeature(),
                d.templateCount(), d.hidden(), d.fusionType(), d.kernel());
    }

    private static Map<String, Long> perModule(TensorModule m) {
        return m.namedParameters().entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().substring(0, e.getKey().lastIndexOf('.')), java.util.TreeMap::new,
                Collectors.summingLong(e -> e.getValue().shape().size())));
    }

    @Test
    void vitB16MatchesTheAuthorsModules() {
        TensorModule m = new RsCmaAggregatorFactory().create(paper(), PaperEncoders.vitB16("model.aggregator")).module();
        assertThat(perModule(m)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "conv1", 25_216L, "conv2", 6_400L, "fusion_corr", 1_605_760L, "dino_down_sample", 1_573_376L));
        assertThat(m.parameterCount()).isEqualTo(3_210_752L);
        assertThat(m.namedParameters().get("dino_down_sample.weight").shape().getShape())
                .containsExactly(512, 768, 2, 2);
        assertThat(m.namedParameters().values()).allMatch(p -> !p.isInitialized());
    }

    @Test
    void vitL14ProjectsDinoIntoTheWiderTextSpace() {
        TensorModule m = new RsCmaAggregatorFactory().create(paper(), PaperEncoders.vitL14("model.aggregator")).module();
        // dino_down_sample 768 -> 768 (method.md §1.4, ViT-L variant); the rest as ViT-B
        assertThat(perModule(m)).containsEntry("dino_down_sample", 2_360_064L).containsEntry("conv1", 25_216L);
        assertThat(m.parameterCount()).isEqualTo(3_997_440L);
    }

    @Test
    void catSegPathHasOnlyConv1WithOneChannelPerDirectionAndTemplate() {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        TensorModule four = new RsCmaAggregatorFactory().create(d, PaperEncoders.vitB16("model.aggregator")).module();
        assertThat(four.namedParameters().keySet()).containsExactly("conv1.weight", "conv1.bias");
        assertThat(four.namedParameters().get("conv1.weight").shape().getShape()).containsExactly(128, 4, 7, 7);

        RsCmaAggregatorConfig one = new RsCmaAggregatorConfig(List.of(0), d.source(), List.of(), d.extraCostFeature(),
                2, d.hidden(), d.fusionType(), d.kernel());
        Param w = new RsCmaAggregatorFactory().create(one, PaperEncoders.vitB16("model.aggregator")).module().namedParameters()
                .get("conv1.weight");
        assertThat(w.shape().getShape()).containsExactly(128, 2, 7, 7); // 1 direction x 2 templates
    }

    @Test
    void concatenationAndMeanSizeConv1FromTheirInputs() {
        RsCmaAggregatorConfig p = paper();
        RsCmaAggregatorConfig concat = new RsCmaAggregatorConfig(p.directions(), p.source(), p.extraCost(),
                p.extraCostFeature(), 1, p.hidden(), CostFusionType.SIMPLE_CONCATENATION, p.kernel());
        RsCmaAggregatorConfig mean = new RsCmaAggregatorConfig(p.directions(), p.source(), p.extraCost(),
                p.extraCostFeature(), 1, p.hidden(), CostFusionType.SIMPLE_MEAN, p.kernel());
        Map<String, Param> c = new RsCmaAggregatorFactory().create(concat, PaperEncoders.vitB16("model.aggregator")).module().namedParameters();
        Map<String, Param> m = new RsCmaAggregatorFactory().create(mean, PaperEncoders.vitB16("model.aggregator")).module().namedParameters();
        assertThat(c.get("conv1.weight").shape().getShape()).containsExactly(128, 5, 7, 7);
        assertThat(m.get("conv1.weight").shape().getShape()).containsExactly(128, 1, 7, 7);
        assertThat(c).doesNotContainKeys("conv2.weight", "fusion_corr.weight").containsKey("dino_down_sample.weight");
    }
}
