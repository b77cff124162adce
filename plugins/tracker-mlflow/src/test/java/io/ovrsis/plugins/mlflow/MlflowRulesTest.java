package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlflowRulesTest {

    @Test
    void normpathIsPythons() {
        assertThat(MlflowRules.normpath("")).isEqualTo(".");
        assertThat(MlflowRules.normpath("a/b")).isEqualTo("a/b");
        assertThat(MlflowRules.normpath("a//b")).isEqualTo("a/b");
        assertThat(MlflowRules.normpath("a/./b/")).isEqualTo("a/b");
        assertThat(MlflowRules.normpath("a/../b")).isEqualTo("b");
        assertThat(MlflowRules.normpath("../a")).isEqualTo("../a");
        assertThat(MlflowRules.normpath("a/../..")).isEqualTo("..");
        assertThat(MlflowRules.normpath("/a/../..")).isEqualTo("/");
        assertThat(MlflowRules.normpath("//a")).isEqualTo("//a");
        assertThat(MlflowRules.normpath("///a")).isEqualTo("/a");
    }

    @Test
    void acceptsMlflowKeys() {
        for (String ok : List.of("loss", "eval/miou", "lr-schedule.warmup_iters", "a b", "time:s", "mIoU_ünï", "x".repeat(250))) {
            assertThatCode(() -> MlflowRules.checkKey("metric", ok, "tracking")).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsBadKeysNamingTheRule() {
        assertThatThrownBy(() -> MlflowRules.checkKey("param", "a=b", "tracking"))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo(MlflowRules.INVALID);
                    assertThat(e.keyPath()).isEqualTo("tracking");
                })
                .hasMessageContaining("'a=b'").hasMessageContaining("'='").hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> MlflowRules.checkKey("tag", "a/../b", "tracking")).hasMessageContaining("normalized");
        assertThatThrownBy(() -> MlflowRules.checkKey("tag", null, "tracking")).hasMessageContaining("null");
        assertThatThrownBy(() -> MlflowRules.checkKey("tag", "x".repeat(251), "tracking")).hasMessageContaining("at most 250");
    }

    @Test
    void artifactPaths() {
        assertThat(MlflowRules.checkArtifactPath("config/resolved.yaml", "t")).containsExactly("config", "resolved.yaml");
        for (String bad : List.of("", "/abs", "../up", "a/../../b", "a//b", "a/", "a\\b", ".")) {
            assertThatThrownBy(() -> MlflowRules.checkArtifactPath(bad, "t")).as(bad).isInstanceOf(ComponentException.class);
        }
    }

    @Test
    void namesAndLengths() {
        assertThatThrownBy(() -> MlflowRules.checkExperimentName(" ", "t.experiment")).hasMessageContaining("blank");
        assertThatThrownBy(() -> MlflowRules.checkExperimentName("x".repeat(501), "t")).hasMessageContaining("at most 500");
        assertThatThrownBy(() -> MlflowRules.checkRunName("a\tb", "t")).hasMessageContaining("control");
        assertThatCode(() -> MlflowRules.checkExperimentName("x".repeat(500), "t")).doesNotThrowAnyException();
    }
}
