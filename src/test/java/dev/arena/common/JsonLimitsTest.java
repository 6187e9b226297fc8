package dev.arena.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The limits of client JSON (common.Json.CLIENT) and the values PostgreSQL could not store (JsonText). */
class JsonLimitsTest {

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void nestingUpToTheLimitIsReadAndOneMoreLevelIsRefused() {
        assertThat(Json.parse(nested(Json.MAX_DEPTH))).isInstanceOf(JsonArray.class);
        assertThatThrownBy(() -> Json.parse(nested(Json.MAX_DEPTH + 1)))
                .isInstanceOfSatisfying(Json.Unreadable.class, e -> assertThat(e.limit()).isTrue())
                .hasMessage("nested deeper than 64 levels");
    }

    /** Regression: a deep value must be refused while it is read, not overflow the stack of a recursive reader. */
    @Test
    void aHundredThousandDeepArrayIsRefusedNotAStackOverflow() {
        assertThatThrownBy(() -> Json.parse(nested(100_000))).isInstanceOf(Json.Unreadable.class)
                .hasMessage("nested deeper than 64 levels");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000))).isInstanceOf(Json.Unreadable.class)
                .hasMessage("nested deeper than 64 levels");
    }

    @Test
    void longNumbersAreRefused() {
        String ok = "9".repeat(Json.MAX_NUMBER_LENGTH);
        assertThat(((JsonObject) Json.parse("{\"n\":" + ok + "}")).getValue("n").toString()).isEqualTo(ok);
        assertThatThrownBy(() -> Json.parse("{\"n\":" + "9".repeat(100_000) + "}"))
                .isInstanceOfSatisfying(Json.Unreadable.class, e -> assertThat(e.limit()).isTrue())
                .hasMessage("a number longer than 100 characters");
        assertThatThrownBy(() -> Json.parse("[0." + "1".repeat(5_000) + "]"))
                .hasMessage("a number longer than 100 characters");
    }

    @Test
    void longStringsAndNamesAreRefused() {
        assertThatThrownBy(() -> Json.parse("[\"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"]"))
                .hasMessage("a string longer than " + Json.MAX_STRING_LENGTH + " characters");
        assertThatThrownBy(() -> Json.parse("{\"" + "k".repeat(Json.MAX_NAME_LENGTH + 1) + "\":1}"))
                .hasMessage("a field name longer than " + Json.MAX_NAME_LENGTH + " characters");
    }

    @Test
    void malformedJsonIsUnreadableButNoLimit() {
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOfSatisfying(Json.Unreadable.class,
                e -> assertThat(e.limit()).isFalse());
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(Json.Unreadable.class);
    }

    @Test
    void unstorableTextAndNumbersAreFoundWithTheirPath() {
        Object lone = Json.parse("{\"input\":{\"names\":[\"ok\",\"a\\ud800b\"]}}");
        assertThat(JsonText.unstorable(lone)).contains(new JsonText.Flaw("input.names[1]", JsonText.SURROGATE));
        assertThat(JsonText.unstorable(Json.parse("{\"x\":\"\\udc00\"}")))
                .contains(new JsonText.Flaw("x", JsonText.SURROGATE));
        assertThat(JsonText.unstorable(Json.parse("{\"\\ud800\":1}")))
                .contains(new JsonText.Flaw("\ud800", JsonText.SURROGATE));
        assertThat(JsonText.unstorable(Json.parse("{\"n\":[1e400]}")))
                .contains(new JsonText.Flaw("n[0]", JsonText.HUGE_NUMBER));
        assertThat(JsonText.unstorable(Json.parse("{\"n\":-1e400}"))).isPresent();
        assertThat(JsonText.unstorable(Json.parse("{\"s\":\"nul\\u0000\"}")))
                .contains(new JsonText.Flaw("s", JsonText.NUL));
    }

    @Test
    void surrogatePairsAndOrdinaryValuesAreStorable() {
        assertThat(JsonText.unstorable(Json.parse("{\"emoji\":\"\\ud83c\\udfae 🎮\",\"n\":1e300,\"big\":"
                + "9".repeat(90) + ",\"neg\":-0.5}"))).isEmpty();
    }
}
