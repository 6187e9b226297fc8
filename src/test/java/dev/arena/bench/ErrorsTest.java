package dev.arena.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void aStatusIsReadFromTheFailureTypeNotFromItsText() {
        assertEquals(401, Errors.status(new HttpStatusException("join", 401)));
        assertEquals(401, Errors.status(new UpgradeRejectedException("no", 401, MultiMap.caseInsensitiveMultiMap(), null)));
        // a message that merely reads like a status is not one
        assertEquals(-1, Errors.status(new IllegalStateException("join: HTTP 401")));
        assertEquals("join: HTTP 503", Errors.reason(new HttpStatusException("join", 503)));
    }
}
