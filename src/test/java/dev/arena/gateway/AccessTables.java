package dev.arena.gateway;

import dev.arena.gateway.AccessWorld.Who;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The authorisation matrix as docs/SECURITY.md shows it: rendered from the rows the test checks. */
final class AccessTables {
    private AccessTables() {}

    private static String header(String first) {
        String columns = Arrays.stream(Who.values()).map(Who::column).collect(Collectors.joining(" | "));
        return "| " + first + " | case | " + columns + " |\n|---|---|"
                + "---|".repeat(Who.values().length) + "\n";
    }

    private static String cells(String expected) {
        return Arrays.stream(expected.split(" ")).map(c -> c.equals("-") ? "–" : c)
                .collect(Collectors.joining(" | "));
    }

    static String http() {
        StringBuilder b = new StringBuilder(header("route"));
        HttpAccessRows.all().forEach(r -> b.append("| `").append(r.route()).append("` | ").append(r.note())
                .append(" | ").append(cells(r.expected())).append(" |\n"));
        return b.toString();
    }

    static String socket() {
        StringBuilder b = new StringBuilder(header("message"));
        SocketAccessRows.all().forEach(r -> b.append("| `").append(r.type()).append("` | ").append(r.note())
                .append(" | ").append(cells(r.expected())).append(" |\n"));
        return b.toString();
    }
}
