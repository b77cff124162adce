package io.ovrsis.plugins.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Plain HTTP calls to a tracking server with the same credentials and TLS setting as the official
 * client: the artifact PUTs, and {@code experiments/get-by-name} (the official client retries its
 * expected 404 three times with pauses, logging "Rate limit exceeded").
 */
final class ServerHttp {
    static final String USER_AGENT = "ovrsis-lab-tracker-mlflow/0.1";

    record Response(int status, String body) {
    }

    private final ServerAuth auth;
    private final int timeoutMs;

    ServerHttp(ServerAuth auth, int timeoutMs) {
        this.auth = auth;
        this.timeoutMs = timeoutMs;
    }

    /** A connection with timeouts, User-Agent, the auth header and, if asked for, no TLS checks. */
    HttpURLConnection open(String url, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        if (c instanceof HttpsURLConnection https && auth.insecureTls()) {
            https.setSSLSocketFactory(trustAll().getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        c.setRequestMethod(method);
        c.setConnectTimeout(timeoutMs);
        c.setReadTimeout(timeoutMs);
        c.setRequestProperty("User-Agent", USER_AGENT);
        auth.authorizationHeader().ifPresent(h -> c.setRequestProperty("Authorization", h));
        return c;
    }

    /** GET, returning status and body (error bodies included). */
    Response get(String url) throws IOException {
        HttpURLConnection c = open(url, "GET");
        try {
            int status = c.getResponseCode();
            return new Response(status, status >= 400 ? errorBody(c, Integer.MAX_VALUE) : read(c.getInputStream()));
        } finally {
            c.disconnect();
        }
    }

    private static String read(InputStream in) throws IOException {
        try (InputStream is = in) {
            return new String(is.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The error body of a failed request, cut to {@code max} characters. */
    static String errorBody(HttpURLConnection c, int max) {
        try (InputStream es = c.getErrorStream()) {
            if (es == null) {
                return "";
            }
            String s = new String(es.readAllBytes(), StandardCharsets.UTF_8).strip();
            return s.length() > max ? s.substring(0, max) + "..." : s;
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    private static SSLContext trustAll() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS without certificate checks (MLFLOW_TRACKING_INSECURE_TLS)", e);
        }
    }
}
