package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** HTTPS served directly (and a renewed certificate picked up without a restart), and the trusted-proxy address. */
class TlsAndProxyIntegrationTest {

    /** A self-signed certificate and key in PEM, made by openssl (as an operator would for a test). */
    private static void selfSigned(Path dir, String cn) throws Exception {
        Path key = dir.resolve("key.pem.tmp");
        Path cert = dir.resolve("cert.pem.tmp");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=" + cn, "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl made a certificate").isTrue();
        // moved into place so the server never reads half a file
        Files.move(key, dir.resolve("key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.move(cert, dir.resolve("cert.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The subject the server presents, read by a client that trusts anything (the test's own certificate). */
    private static String servedSubject(int port) throws Exception {
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {
                seen[0] = c[0];
            }
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try (HttpClient client = trusting(trustAll)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        return seen[0].getSubjectX500Principal().getName();
    }

    private static HttpClient trusting(X509TrustManager trust) throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trust}, new SecureRandom());
        var params = new javax.net.ssl.SSLParameters();
        params.setEndpointIdentificationAlgorithm(null);
        return HttpClient.newBuilder().sslContext(ssl).sslParameters(params)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * The first frame a {@code wss://} socket receives. Frames are written into the channel already framed
     * (gateway.ws.SocketSink), before the TLS handler: this shows they are encrypted like every other write.
     */
    private static String firstFrameOverTls(int port, String token) throws Exception {
        X509TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        var first = new java.util.concurrent.CompletableFuture<String>();
        try (HttpClient client = trusting(trustAll)) {
            var ws = client.newWebSocketBuilder().buildAsync(URI.create("wss://127.0.0.1:" + port + "/ws?token=" + token),
                    new java.net.http.WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w,
                                                                               CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                first.complete(text.toString());
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(20, TimeUnit.SECONDS);
            try {
                return first.get(20, TimeUnit.SECONDS);
            } finally {
                ws.abort();
            }
        }
    }

    @Test
    void servesHttpsAndPicksUpARenewedCertificateWithoutARestart() throws Exception {
        Path dir = TestNode.tempDir();
        selfSigned(dir, "first.arena.test");
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_TLS_CERT", dir.resolve("cert.pem").toString());
        env.put("ARENA_TLS_KEY", dir.resolve("key.pem").toString());
        try (TestNode node = TestNode.start(TlsAndProxyIntegrationTest.class, env)) {
            int port = node.http().base().getPort();
            assertThat(servedSubject(port)).isEqualTo("CN=first.arena.test");
            String token = node.arena().identity().guest("tls-device").toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS).token();
            assertThat(new JsonObject(firstFrameOverTls(port, token)).getString("type")).isEqualTo("welcome");

            selfSigned(dir, "renewed.arena.test");
            Eventually.until(() -> {
                try {
                    return servedSubject(port);
                } catch (Exception e) {
                    return e.toString();
                }
            }, s -> s.equals("CN=renewed.arena.test"), Duration.ofSeconds(30), "the renewed certificate served");
        }
    }

    @Test
    void behindATrustedProxyLoginsAreThrottledPerForwardedAddress() {
        try (TestNode node = TestNode.start(TlsAndProxyIntegrationTest.class, Map.of("ARENA_TRUST_PROXY", "true"))) {
            Http http = node.http();
            JsonObject wrong = new JsonObject().put("password", "not-the-password");
            int status = 0;
            // failures for different usernames from one forwarded address: the address is locked
            for (int i = 0; i < 10 && status != 429; i++) {
                status = http.send("POST", "/auth/login", null, wrong.copy().put("username", "nobody" + i),
                        Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.1")).status();
            }
            assertThat(status).as("one forwarded address gets locked").isEqualTo(429);
            // the client-written first entry is not believed: another proxy-appended address is another client
            Response other = http.send("POST", "/auth/login", null, wrong.copy().put("username", "nobody-else"),
                    Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.2"));
            assertThat(other.status()).isEqualTo(401);
        }
    }

    /**
     * A client that opens TCP and never finishes its TLS handshake (sends nothing, or trickles a ClientHello a byte at a
     * time so that the idle time-out never fires) is closed after ARENA_HTTP_HEADER_TIMEOUT: before, only Vert.x's
     * default 10 s handshake time-out ended it, and the header deadline, installed once the handshake is done, never
     * saw it.
     */
    @Test
    void aClientThatNeverFinishesItsTlsHandshakeIsClosedByTheHeaderDeadline() throws Exception {
        Path dir = TestNode.tempDir();
        selfSigned(dir, "slow.arena.test");
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_TLS_CERT", dir.resolve("cert.pem").toString());
        env.put("ARENA_TLS_KEY", dir.resolve("key.pem").toString());
        env.put("ARENA_HTTP_HEADER_TIMEOUT", "3s"); // not less: a real handshake must fit in it on a loaded machine
        env.put("ARENA_HTTP_IDLE_TIMEOUT", "60s");
        try (TestNode node = TestNode.start(TlsAndProxyIntegrationTest.class, env)) {
            int port = node.http().base().getPort();
            // a TLS record header announcing a 512-byte handshake message, then its bytes one by one
            byte[] hello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
            for (boolean trickle : List.of(false, true)) {
                try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
                    raw.setSoTimeout(10);
                    long opened = System.nanoTime();
                    int[] sent = {0};
                    Eventually.until(() -> {
                        try {
                            if (trickle) {
                                raw.getOutputStream().write(hello[sent[0]++ % hello.length]);
                            }
                            return raw.getInputStream().read() < 0;
                        } catch (java.net.SocketTimeoutException e) {
                            return false;
                        } catch (java.io.IOException e) {
                            return true; // reset by the server
                        }
                    }, closed -> closed, Duration.ofSeconds(8), (trickle ? "a trickled" : "a silent")
                            + " TLS handshake to be closed well before Vert.x's default 10 s");
                    System.out.printf("%s TLS handshake closed after %d ms%n", trickle ? "trickled" : "silent",
                            (System.nanoTime() - opened) / 1_000_000);
                }
            }
            // a client that completes its handshake is served as before
            assertThat(servedSubject(port)).isEqualTo("CN=slow.arena.test");
        }
    }
}
