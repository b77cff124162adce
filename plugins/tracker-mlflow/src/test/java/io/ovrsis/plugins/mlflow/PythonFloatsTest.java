package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PythonFloatsTest {

    @Test
    void formatsLikePythonStr() {
        assertThat(PythonFloats.repr(1.0)).isEqualTo("1.0");
        assertThat(PythonFloats.repr(0.5)).isEqualTo("0.5");
        assertThat(PythonFloats.repr(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PythonFloats.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonFloats.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonFloats.repr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonFloats.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonFloats.repr(100.0)).isEqualTo("100.0");
        assertThat(PythonFloats.repr(-2.5)).isEqualTo("-2.5");
        assertThat(PythonFloats.repr(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(PythonFloats.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloats.repr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonFloats.repr(4.9e-324)).isEqualTo("5e-324");
        assertThat(PythonFloats.repr(0.0)).isEqualTo("0.0");
        assertThat(PythonFloats.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloats.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloats.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonFloats.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void roundTripsThroughJava() {
        Random r = new Random(11);
        for (int i = 0; i < 2000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(v)) {
                continue;
            }
            assertThat(MlflowStoreReader.pythonFloat(PythonFloats.repr(v))).isEqualTo(v);
        }
    }

    @Test
    void matchesPythonReprOnRandomValues() throws IOException {
        assumeTrue(PythonCheck.available(), "/usr/bin/python3 with PyYAML not available");
        Random r = new Random(5);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add(Double.longBitsToDouble(r.nextLong()));
            values.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            values.add((double) r.nextInt(100000) / 1000);
        }
        StringBuilder in = new StringBuilder();
        StringBuilder expectedJava = new StringBuilder();
        for (double v : values) {
            in.append(Long.toHexString(Double.doubleToRawLongBits(v))).append('\n');
            expectedJava.append(PythonFloats.repr(v)).append('\n');
        }
        String python = PythonCheck.run("import sys, struct\n"
                + "for line in sys.stdin.read().split():\n"
                + "    print(str(struct.unpack('>d', bytes.fromhex(line.rjust(16, '0')))[0]))\n", in.toString());
        assertThat(expectedJava.toString()).isEqualTo(python);
    }
}
