package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event read back from a {@link StoredLog}: its JSON object, untyped. */
public record StoredEvent(@JsonValue Map<String, Object> fields) implements GameEvent {

    public StoredEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String type() {
        return String.valueOf(fields.get("type"));
    }
}
