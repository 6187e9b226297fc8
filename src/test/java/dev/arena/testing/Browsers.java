package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real headless Chromium for browser tests, driven by Playwright: always the machine's own {@code chromium}
 * (Debian's package), never a browser Playwright would download. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final Browsers browsers = Browsers.perClass();  // launched before the class's tests;
 *                                                 // skips it (or fails, in CI) when there is no chromium
 * Page page = browsers.open(node, "/dashboard");   // fresh context; JS errors and outside requests recorded
 * ...
 * browsers.assertClean(page);                      // no JavaScript error, nothing loaded from another origin
 * browsers.screenshot(page, "dashboard");          // target/screenshots/dashboard.png (docs/ with ARENA_SCREENSHOTS)
 * }</pre>
 *
 * <p>With {@code ARENA_REQUIRE_BROWSER=1} (set by .ci/run) a missing browser fails the test instead of skipping it.
 */
public final class Browsers implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The flags that work on our machines: no sandbox as root, and no background traffic to a closed network. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private Playwright playwright;
    private Browser browser;
    /** Playwright's default for {@code assertThat(locator)} waits, set at launch; null keeps Playwright's own. */
    private Double assertionTimeoutMillis;
    private final Map<Page, Problems> problems = new ConcurrentHashMap<>();

    /** What a page did wrong: uncaught errors, console errors, requests that left the server's origin. */
    public record Problems(List<String> errors, List<String> outside) {}

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * For a test class, as a JUnit extension: Chromium is launched before the class's tests (after the extensions
     * declared above it, such as a {@link NodeFixture}) and closed after them.
     */
    public static Browsers perClass() {
        return new Browsers(null, null);
    }

    /** As {@link #perClass()}, for pages that play whole matches: locator assertions wait up to this long. */
    public static Browsers perClass(double assertionTimeoutMillis) {
        Browsers b = perClass();
        b.assertionTimeoutMillis = assertionTimeoutMillis;
        return b;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (assertionTimeoutMillis != null) {
            PlaywrightAssertions.setDefaultAssertionTimeout(assertionTimeoutMillis);
        }
        Browsers launched = launch();
        playwright = launched.playwright;
        browser = launched.browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            close();
        }
    }

    /** Chromium, or a skipped test (a failed one when ARENA_REQUIRE_BROWSER=1) with the reason in words. */
    public static Browsers launch() {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            String why = "no chromium on this machine (apt-get install chromium, or set ARENA_CHROMIUM to its path)";
            if ("1".equals(System.getenv("ARENA_REQUIRE_BROWSER"))) {
                throw new AssertionError("browser tests are required (ARENA_REQUIRE_BROWSER=1) but there is " + why);
            }
            Assumptions.abort("browser test skipped: " + why);
        }
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            // Playwright gives every launch a fresh, temporary user-data-dir
            Browser b = pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium.get()).setHeadless(true).setArgs(FLAGS));
            return new Browsers(pw, b);
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    /** {@code ARENA_CHROMIUM}, else the first {@code chromium} or {@code chromium-browser} on the PATH. */
    static Optional<Path> chromium() {
        String configured = System.getenv("ARENA_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** A new page in a fresh context (own storage and cookies), opened at {@code path} of the node. */
    public Page open(TestNode node, String path) {
        return open(node.http().base(), path);
    }

    /** A new page in a fresh context, opened at {@code path} of the fixture's node. */
    public Page open(NodeFixture node, String path) {
        return open(node.http().base(), path);
    }

    public Page open(URI origin, String path) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        Problems p = new Problems(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        problems.put(page, p);
        page.onPageError(e -> p.errors().add("uncaught: " + e));
        page.onConsoleMessage(m -> {
            // a refused API call (a 403 shown in words, say) is logged by Chromium as "Failed to load resource":
            // that is the page working; a missing script, style or image is caught below instead
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                p.errors().add("console: " + m.text() + " at " + m.location());
            }
        });
        page.onResponse(r -> {
            String type = r.request().resourceType();
            if (r.status() >= 400 && !type.equals("fetch") && !type.equals("xhr")) {
                p.errors().add("HTTP " + r.status() + " for " + type + " " + r.url());
            }
        });
        String self = origin.getScheme() + "://" + origin.getAuthority();
        String selfWs = "ws://" + origin.getAuthority();
        page.onRequest(r -> {
            String url = r.url();
            if (!url.startsWith(self) && !url.startsWith(selfWs) && !url.startsWith("data:")
                    && !url.startsWith("blob:")) {
                p.outside().add(url);
            }
        });
        page.navigate(self + path);
        return page;
    }

    /**
     * {@link #open} then the console's sign-in form (dashboard or admin) filled and sent. A dialog fails the test: an
     * injected {@code alert(1)} would open one.
     */
    public Page signedIn(TestNode node, String path, String username, String password) {
        Page page = open(node, path);
        page.onDialog(d -> {
            throw new AssertionError("a dialog opened: " + d.message());
        });
        page.getByTestId("username").fill(username);
        page.getByTestId("password").fill(password);
        page.getByTestId("sign-in-submit").click();
        return page;
    }

    /** What the page did wrong so far. */
    public Problems problems(Page page) {
        return problems.getOrDefault(page, new Problems(List.of(), List.of()));
    }

    /** No JavaScript error was thrown or logged, and nothing was loaded from outside the server. */
    public void assertClean(Page page) {
        Problems p = problems(page);
        assertThat(p.errors()).as("JavaScript errors on %s", page.url()).isEmpty();
        assertThat(p.outside()).as("requests to other origins from %s", page.url()).isEmpty();
    }

    /**
     * A full-page PNG in target/screenshots; with {@code ARENA_SCREENSHOTS=docs} also in docs/screenshots (the
     * README's pictures, committed when they change).
     */
    public Path screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            if ("docs".equals(System.getenv("ARENA_SCREENSHOTS"))) {
                Path docs = Path.of("docs", "screenshots", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(file, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
