package dev.arena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * docs/SECURITY.md shows the authorisation matrix exactly as {@link AuthorizationMatrixIntegrationTest} checks it:
 * this fails, and prints the tables to paste, when a row changes and the document does not.
 */
class SecurityDocsTest {

    @Test
    void docsSecurityShowsTheMatrixTheTestChecks() throws IOException {
        String doc = Files.readString(Path.of("docs/SECURITY.md"));
        String http = AccessTables.http();
        String socket = AccessTables.socket();
        assertThat(http).contains("| `GET /players/me` |");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(doc).as("docs/SECURITY.md must contain this table (paste it in):%n%s", http)
                    .contains(http);
            soft.assertThat(doc).as("docs/SECURITY.md must contain this table (paste it in):%n%s", socket)
                    .contains(socket);
        });
    }
}
