package io.ovrsis.plugins.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;

/**
 * Tracking-server credentials from the environment, with the names the Python and Java MLflow
 * clients use: {@code MLFLOW_TRACKING_USERNAME} + {@code MLFLOW_TRACKING_PASSWORD} (HTTP Basic, takes
 * precedence), else {@code MLFLOW_TRACKING_TOKEN} (Bearer); {@code MLFLOW_TRACKING_INSECURE_TLS=true}
 * skips certificate checks. Never printed.
 */
final class ServerAuth {
    static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    static final String INSECURE_TLS = "MLFLOW_TRACKING_INSECURE_TLS";
    static final String SERVER_CERT_PATH = "MLFLOW_TRACKING_SERVER_CERT_PATH";
    static final String CLIENT_CERT_PATH = "MLFLOW_TRACKING_CLIENT_CERT_PATH";

    private final String username;
    private final String password;
    private final String token;
    private final boolean insecureTls;

    private ServerAuth(String username, String password, String token, boolean insecureTls) {
        this.username = username;
        this.password = password;
        this.token = token;
        this.insecureTls = insecureTls;
    }

    static ServerAuth fromEnv(Map<String, String> env) {
        return new ServerAuth(blankToNull(env.get(USERNAME)), blankToNull(env.get(PASSWORD)), blankToNull(env.get(TOKEN)),
                "true".equalsIgnoreCase(String.valueOf(env.get(INSECURE_TLS)).strip()));
    }

    /** The {@code Authorization} header value, as the Java client's {@code MlflowHttpCaller} builds it. */
    Optional<String> authorizationHeader() {
        if (username != null && password != null) {
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return Optional.of("Basic " + basic);
        }
        if (token != null) {
            return Optional.of("Bearer " + token);
        }
        return Optional.empty();
    }

    boolean insecureTls() {
        return insecureTls;
    }

    /** Credentials for the official client (which reads no environment variables itself for a plain URL). */
    MlflowHostCredsProvider hostCreds(String serverUrl) {
        return new BasicMlflowHostCreds(serverUrl, username, password, token, insecureTls);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
