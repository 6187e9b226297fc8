package dev.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SDK's hand-kept {@code arena.d.ts} against what the server says it offers: every operation of
 * {@code openapi.json} (but the pages and operations endpoints listed here) has an SDK method tagged
 * {@code @route METHOD /path} in the d.ts, and arena.js calls that path; every message type of docs/PROTOCOL.md
 * is typed. And the npm package in clients/js carries the very files the server serves.
 */
class SdkContractTest {
    /** Operations no SDK method calls, and why. */
    static final Map<String, String> NOT_IN_SDK = Map.ofEntries(
            Map.entry("GET /", "a page"),
            Map.entry("GET /dashboard", "a page"),
            Map.entry("GET /admin", "a page"),
            Map.entry("GET /play", "a page"),
            Map.entry("GET /assets/{file}", "page assets"),
            Map.entry("GET /sdk/{file}", "the SDK itself"),
            Map.entry("GET /vendor/uplot/{file}", "a vendored library"),
            Map.entry("GET /vendor/preact/{file}", "a vendored library"),
            Map.entry("GET /docs", "Swagger UI"),
            Map.entry("GET /docs/swagger-initializer.js", "Swagger UI"),
            Map.entry("GET /docs/{file}", "Swagger UI"),
            Map.entry("GET /openapi.json", "the API description"),
            Map.entry("GET /metrics", "Prometheus text, for the scraper"),
            Map.entry("GET /games/{room}/live", "legacy socket: /ws room game:{room} instead"),
            Map.entry("GET /chat/{room_id}", "legacy socket: /ws room chat:{room_id} instead"),
            Map.entry("GET /tournaments/{tournament_id}/updates",
                    "the same updates through /ws room tournament:{id} (tournaments.watch)"));
    /** Routes the SDK reaches by other means than {@code request('METHOD', '/path')}: how arena.js names them. */
    static final Map<String, String> CALLED_OTHERWISE = Map.of("GET /ws", "'/ws?token='");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern ROUTE_TAG = Pattern.compile("@route (GET|POST|PUT|PATCH|DELETE) (\\S+)");

    static String resource(String name) {
        try (InputStream in = SdkContractTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> openApiOperations() {
        JsonObject paths = new JsonObject(resource("/api/openapi.json")).getJsonObject("paths");
        Set<String> ops = new TreeSet<>();
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (HTTP_METHODS.contains(method)) {
                    ops.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return ops;
    }

    static Set<String> routeTags(String dts) {
        Set<String> tags = new TreeSet<>();
        Matcher m = ROUTE_TAG.matcher(dts);
        while (m.find()) {
            tags.add(m.group(1) + " " + m.group(2));
        }
        return tags;
    }

    @Test
    void everyOperationOfTheApiHasAnSdkMethodAndEveryTagAnOperation() {
        Set<String> api = openApiOperations();
        Set<String> tags = routeTags(resource("/web/sdk/arena.d.ts"));
        Set<String> wanted = new TreeSet<>(api);
        wanted.removeAll(NOT_IN_SDK.keySet());
        assertThat(tags).as("@route tags of arena.d.ts").containsAll(wanted);
        assertThat(api).as("operations of openapi.json (a tag or an exclusion names one that is gone)")
                .containsAll(tags).containsAll(NOT_IN_SDK.keySet());
        assertThat(tags).as("excluded operations that the SDK tags anyway").doesNotContainAnyElementsOf(NOT_IN_SDK.keySet());
    }

    @Test
    void arenaJsCallsEveryTaggedRoute() {
        String js = resource("/web/sdk/arena.js");
        List<String> missing = new ArrayList<>();
        for (String tag : routeTags(resource("/web/sdk/arena.d.ts"))) {
            if (CALLED_OTHERWISE.containsKey(tag)) {
                if (!js.contains(CALLED_OTHERWISE.get(tag))) {
                    missing.add(tag);
                }
                continue;
            }
            String method = tag.substring(0, tag.indexOf(' '));
            String path = tag.substring(tag.indexOf(' ') + 1);
            // '/players/{id}/profile' is written `/players/${enc(id)}/profile`
            StringBuilder regex = new StringBuilder("'" + method + "', [`']");
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") ? "\\$\\{enc\\(\\w+\\)\\}" : Pattern.quote(part));
            }
            regex.append("[`']");
            if (!Pattern.compile(regex.toString()).matcher(js).find()) {
                missing.add(tag);
            }
        }
        assertThat(missing).as("tagged routes arena.js never calls").isEmpty();
    }

    @Test
    void everyMessageTypeOfTheProtocolIsTyped() throws IOException {
        String protocol = Files.readString(Path.of("docs", "PROTOCOL.md"));
        String dts = resource("/web/sdk/arena.d.ts");
        Set<String> toServer = tableTypes(section(protocol, "## Client → server", "## Server → client"));
        Set<String> toClient = tableTypes(section(protocol, "## Server → client", "## Error codes"));
        Set<String> updates = tableTypes(section(protocol, "## Tournament updates", null));
        // the tables are really read: a few types each must be there for this test to mean anything
        assertThat(toServer).contains("room.join", "match.input", "lobby.subscribe", "mm.enqueue");
        assertThat(toClient).contains("welcome", "room.message", "match.event", "lobby.game_added", "party.updated");
        assertThat(updates).contains("tournament.status", "tournament.bracket_changed", "tournament.finished");

        assertThat(interfaceKeys(dts, "ClientMessages")).as("ClientMessages of arena.d.ts").containsAll(toServer);
        assertThat(interfaceKeys(dts, "Replies")).as("a reply type for every request").isSubsetOf(toServer);
        assertThat(interfaceKeys(dts, "ServerMessages")).as("ServerMessages of arena.d.ts").containsAll(toClient);
        for (String type : updates) {
            assertThat(dts).as("tournament update %s", type).contains("type: '" + type + "'");
        }
        assertThat(dts).as("the player notification").contains("type: 'tournament.match_ready'");
    }

    @Test
    void theNpmPackageCarriesTheServedFilesByteForByte() throws IOException {
        Path pkg = Path.of("clients", "js");
        for (String file : List.of("arena.js", "arena.d.ts")) {
            assertThat(Files.readString(pkg.resolve(file)))
                    .as("clients/js/%s differs from src/main/resources/web/sdk/%s: copy it over (clients/js/README.md)",
                            file, file)
                    .isEqualTo(Files.readString(Path.of("src", "main", "resources", "web", "sdk", file)));
        }
        JsonObject manifest = new JsonObject(Files.readString(pkg.resolve("package.json")));
        assertThat(manifest.getString("type")).isEqualTo("module");
        assertThat(manifest.getString("types")).isEqualTo("./arena.d.ts");
        assertThat(manifest.getJsonObject("exports").getJsonObject(".").getMap())
                .containsEntry("types", "./arena.d.ts").containsEntry("default", "./arena.js");
        assertThat(manifest.getJsonArray("files").getList()).contains("arena.js", "arena.d.ts");
        assertThat(manifest.containsKey("dependencies")).as("no dependencies").isFalse();
    }

    /** The text from {@code start} to {@code end} (or to the end). */
    static String section(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("PROTOCOL.md section %s", start).isNotNegative();
        int to = end == null ? text.length() : text.indexOf(end, from);
        assertThat(to).as("PROTOCOL.md section %s", end).isGreaterThan(from);
        return text.substring(from, to);
    }

    /** The message types named in the first cell of table rows: {@code | `a.b` / `a.c` | ...}. */
    static Set<String> tableTypes(String section) {
        Set<String> types = new TreeSet<>();
        Pattern type = Pattern.compile("`([a-z_]+(?:\\.[a-z_]+)*)`");
        String[] lines = section.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean header = i + 1 < lines.length && lines[i + 1].startsWith("|---");
            if (!line.startsWith("| `") || header) {
                continue;
            }
            String cell = line.substring(1, line.indexOf('|', 1));
            Matcher m = type.matcher(cell);
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    /** The quoted keys of {@code export interface NAME ... { 'a.b': ...; }}. */
    static Set<String> interfaceKeys(String dts, String name) {
        Matcher head = Pattern.compile("export interface " + name + "\\b[^{]*\\{").matcher(dts);
        assertThat(head.find()).as("interface %s in arena.d.ts", name).isTrue();
        String body = dts.substring(head.end(), dts.indexOf("\n}", head.end()));
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("^\\s*'([^']+)'\\??:", Pattern.MULTILINE).matcher(body);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
