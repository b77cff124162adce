package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a store we wrote with real PyYAML {@code safe_load} and Python {@code float()}/{@code int()},
 * applying MLflow FileStore's type checks (no MLflow package is installable here).
 */
class PythonReadsStoreTest {
    private static final String READER = String.join("\n",
            "import os, sys, yaml",
            "root = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read().strip()",
            "out = []",
            "for exp in sorted(os.listdir(root)):",
            "    d = os.path.join(root, exp)",
            "    if exp in ('.trash', 'models') or not os.path.isdir(d): continue",
            "    m = yaml.safe_load(open(os.path.join(d, 'meta.yaml')))",
            "    assert isinstance(m['experiment_id'], str) and m['experiment_id'] == exp, m",
            "    assert isinstance(m['creation_time'], int) and m['lifecycle_stage'] == 'active', m",
            "    out.append('exp %s %s' % (exp, m['name']))",
            "    for run in sorted(os.listdir(d)):",
            "        rd = os.path.join(d, run)",
            "        if run in ('tags', 'datasets', 'traces') or not os.path.isdir(rd): continue",
            "        r = yaml.safe_load(open(os.path.join(rd, 'meta.yaml')))",
            "        assert r['run_id'] == run == r['run_uuid'] and r['experiment_id'] == exp, r",
            "        assert isinstance(r['status'], int) and isinstance(r['start_time'], int), r",
            "        assert 'end_time' in r and (r['end_time'] is None or isinstance(r['end_time'], int)), r",
            "        assert r['source_type'] == 4 and r['tags'] == [] and r['entry_point_name'] == '', r",
            "        out.append('run %s status=%d end=%s user=%s' % (r['run_name'], r['status'], r['end_time'] is not None, r['user_id']))",
            "        md = os.path.join(rd, 'metrics')",
            "        for base, _, files in sorted(os.walk(md)):",
            "            for f in sorted(files):",
            "                key = os.path.relpath(os.path.join(base, f), md)",
            "                lines = open(os.path.join(base, f)).read().splitlines()",
            "                assert lines, key",
            "                for line in lines:",
            "                    p = line.strip().split(' ')",
            "                    assert len(p) in (2, 3), line",
            "                    out.append('metric %s %d %r %d' % (key, int(p[0]) > 0, float(p[1]), int(p[2]) if len(p) == 3 else 0))",
            "        for kind in ('params', 'tags'):",
            "            kd = os.path.join(rd, kind)",
            "            for base, _, files in sorted(os.walk(kd)):",
            "                for f in sorted(files):",
            "                    out.append('%s %s=%r' % (kind[:-1], os.path.relpath(os.path.join(base, f), kd), open(os.path.join(base, f)).read()))",
            "print('\\n'.join(out))",
            "");

    @TempDir
    Path project;

    @Test
    void pyyamlAndPythonFloatReadTheStore() throws IOException {
        assumeTrue(PythonCheck.available(), "/usr/bin/python3 with PyYAML not available");
        var tracker = new MlflowTrackerFactory().create(new MlflowTrackerConfig("mlruns", "py check: 'quoted' #1", null, 5),
                new BuildContext("tracking", project, Map.of(), Optional.empty(), 0L));
        try (TrackedRun run = tracker.startRun("run one", Map.of("note", "a\nb"))) {
            run.logParams(Map.of("lr", "1e-4", "model/depth", "12"));
            run.logMetric("loss", 0.25, 3);
            run.logMetric("eval/miou", Double.NaN, 4);
            run.logMetric("big", 1e300, 5);
            run.end(RunStatus.FINISHED);
        }
        String out = PythonCheck.run(READER, project.resolve("mlruns").toString());
        assertThat(out).contains("exp 0 Default\n")
                .contains(" py check: 'quoted' #1\n")
                .contains("run run one status=3 end=True user=" + SystemTags.osUser() + "\n")
                .contains("metric big 1 1e+300 5\n")
                .contains("metric eval/miou 1 nan 4\n")
                .contains("metric loss 1 0.25 3\n")
                .contains("param lr='1e-4'\n")
                .contains("param model/depth='12'\n")
                .contains("tag note='a\\nb'\n")
                .contains("tag mlflow.runName='run one'\n")
                .contains("tag mlflow.source.type='LOCAL'\n");
    }
}
