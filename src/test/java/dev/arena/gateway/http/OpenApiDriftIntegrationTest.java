package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document and the router list the same operations: a route added without documenting it,
 * or documented without existing, fails here. The router is built by {@link ApiRouter#build}, as each HTTP
 * server instance builds it, from the services of a running node.
 */
class OpenApiDriftIntegrationTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    /**
     * "GET /players/{id}" for each route with a path; cross-cutting handlers (no path: logging, CORS, body)
     * are not operations.
     */
    static Set<String> routerOperations(Router router) {
        Set<String> ops = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null) {
                // a pathRegex(...) route has no path to compare: the router must not use them
                assertThat(route.isRegexPath()).as("a regex route cannot be compared with openapi.json").isFalse();
                continue;
            }
            String path = route.getPath().replaceAll(":([A-Za-z_][A-Za-z0-9_]*)", "{$1}");
            if (!route.isExactPath()) {
                // a prefix route, "/docs/*": documented as one path parameter, "/docs/{file}"
                path = path.endsWith("/") ? path + "{file}" : path + "/{file}";
            }
            assertThat(route.methods()).as("route %s has no method", path).isNotEmpty();
            for (var method : route.methods()) {
                ops.add(method.name() + " " + path);
            }
        }
        return ops;
    }

    static Set<String> documentedOperations(JsonObject openapi) {
        Set<String> ops = new TreeSet<>();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String key : paths.getJsonObject(path).fieldNames()) {
                if (HTTP_METHODS.contains(key)) {
                    ops.add(key.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return ops;
    }

    private static JsonObject openapiResource() throws IOException {
        try (InputStream in = ApiRouter.class.getClassLoader().getResourceAsStream("api/openapi.json")) {
            assertThat(in).as("api/openapi.json on the classpath").isNotNull();
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws IOException {
        Router router = ApiRouter.build(node.arena().vertx(), node.arena().httpServices());
        Set<String> routed = routerOperations(router);
        Set<String> documented = documentedOperations(openapiResource());

        assertThat(routed).as("the router has routes (else this test proves nothing)").hasSizeGreaterThan(10);
        Set<String> undocumented = new TreeSet<>(routed);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routed);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(undocumented).as("routes missing from openapi.json").isEmpty();
            soft.assertThat(unrouted).as("operations in openapi.json that the router does not have").isEmpty();
        });
    }

    @Test
    void theComparisonSeesADifferenceInEitherDirection() throws IOException {
        JsonObject doc = openapiResource();
        Set<String> documented = documentedOperations(doc);
        doc.getJsonObject("paths").getJsonObject("/players/{id}").remove("get");
        doc.getJsonObject("paths").put("/players/{id}/friends", new JsonObject().put("get", new JsonObject()));
        Set<String> changed = documentedOperations(doc);

        assertThat(documented).contains("GET /players/{id}", "GET /docs/{file}", "PATCH /players/me");
        assertThat(changed).doesNotContain("GET /players/{id}").contains("GET /players/{id}/friends");
    }

    @Test
    void theServedDocumentIsTheCheckedOne() throws IOException {
        var served = node.http().get("/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("application/json");
        assertThat(served.json()).isEqualTo(openapiResource());
        assertThat(served.json().getString("openapi")).startsWith("3.1");
    }
}
