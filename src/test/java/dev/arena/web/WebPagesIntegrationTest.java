package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser side served from the jar: pages, assets, vendored libraries, caching and security headers. */
class WebPagesIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    @Test
    void theLandingPageIsHtmlWithAStrictContentSecurityPolicy() {
        Response r = node.http().get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("href=\"/dashboard\"", "href=\"/admin\"", "href=\"/play\"", "href=\"/docs/\"");
        String csp = r.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.header("X-Frame-Options")).contains("DENY");
        assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
        // markup carries no inline script or style for the policy to block
        assertThat(r.body()).doesNotContain("<script>", "style=", "onclick=");
    }

    @Test
    void assetsAreRevalidatedByETagSoAnUpgradeIsNeverServedStale() {
        Response first = node.http().get("/assets/arena.css");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/css");
        assertThat(first.header("Cache-Control")).contains("no-cache");
        String etag = first.header("ETag").orElseThrow();

        Response again = node.http().send("GET", "/assets/arena.css", null, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        Response changed = node.http().send("GET", "/assets/arena.css", null, null,
                Map.of("If-None-Match", "\"an-older-version\""));
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void vendoredLibrariesComeFromTheWebJars() {
        Response uplot = node.http().get("/vendor/uplot/uPlot.iife.min.js");
        assertThat(uplot.status()).isEqualTo(200);
        assertThat(uplot.contentType()).startsWith("text/javascript");
        assertThat(node.http().get("/vendor/uplot/uPlot.min.css").status()).isEqualTo(200);
        Response preact = node.http().get("/vendor/preact/standalone.module.js");
        assertThat(preact.status()).isEqualTo(200);
        assertThat(preact.body()).contains("export");
    }

    @Test
    void pathsOutsideTheMountsAreNotFoundProblems() {
        for (String path : new String[] {"/assets/../api/openapi.json", "/assets/%2e%2e/api/openapi.json",
                "/assets/.hidden", "/assets/no-such-file.js", "/vendor/uplot/../../../../logback.xml", "/play/x"}) {
            Response r = node.http().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void swaggerUiRunsUnderItsContentSecurityPolicy() {
        Response r = node.http().get("/docs/");
        assertThat(r.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval"));
        assertThat(r.header("X-Frame-Options")).contains("DENY");
        try (Browsers browsers = Browsers.launch()) {
            Page page = browsers.open(node, "/docs/");
            assertThat(page.locator(".swagger-ui .info .title")).containsText("Arena API");
            browsers.assertClean(page);
        }
    }

    @Test
    void aBrowserShowsTheLandingPageWithNoErrorAndNothingFromOutside() {
        try (Browsers browsers = Browsers.launch()) {
            Page page = browsers.open(node, "/");
            assertThat(page.getByTestId("server-status")).hasText("Server ready: database up.");
            assertThat(page.getByTestId("link-play")).isVisible();
            assertThat(page.getByTestId("link-dashboard")).isVisible();
            browsers.screenshot(page, "landing");
            browsers.assertClean(page);
        }
    }
}
