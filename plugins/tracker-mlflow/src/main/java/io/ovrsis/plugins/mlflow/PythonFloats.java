package io.ovrsis.plugins.mlflow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes doubles as Python's {@code str(float)} does ({@code 1.0}, {@code 0.5}, {@code 1e-05},
 * {@code 1e+16}, {@code nan}, {@code inf}, {@code -inf}): what MLflow itself puts in metric files.
 */
final class PythonFloats {
    private PythonFloats() {
    }

    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(v);
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.d1d2...dn * 10^(exp10 + 1)
        int exp10 = digits.length() - 1 - shortest.scale();
        String sign = v < 0 ? "-" : "";
        if (exp10 < -4 || exp10 >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%02d", Math.abs(exp10));
            return sign + mantissa + "e" + (exp10 < 0 ? "-" : "+") + e;
        }
        if (exp10 < 0) {
            return sign + "0." + "0".repeat(-exp10 - 1) + digits;
        }
        if (digits.length() <= exp10 + 1) {
            return sign + digits + "0".repeat(exp10 + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp10 + 1) + "." + digits.substring(exp10 + 1);
    }

    /** The fewest significant digits that read back as {@code v} (nearest such decimal). */
    private static BigDecimal shortestRoundTrip(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
