package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.Ticket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated {@code mm.enqueue} / {@code POST /matchmaking/tickets}: the HTTP and socket edges hand over the raw
 * JSON values and get every invalid field reported at once ({@link ArenaException.Invalid}).
 */
public record TicketRequest(String mode, Optional<PartyId> partyId, Map<String, String> properties) {
    static final int MAX_PROPERTIES = 16;
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final int MAX_VALUE = 64;

    /**
     * @param modes the configured matchmaking modes
     */
    public static TicketRequest parse(Object mode, Object partyId, Object properties, Collection<String> modes) {
        List<ArenaException.FieldError> errors = new ArrayList<>();
        if (!(mode instanceof String m) || !modes.contains(m)) {
            errors.add(new ArenaException.FieldError("mode", "must be a matchmaking mode, one of " + modes));
        }
        Optional<PartyId> party = Optional.empty();
        if (partyId != null) {
            try {
                if (!(partyId instanceof String s) || s.length() != 36) {
                    throw new IllegalArgumentException();
                }
                party = Optional.of(new PartyId(UUID.fromString(s)));
            } catch (IllegalArgumentException e) {
                errors.add(new ArenaException.FieldError("party_id", "must be a party id (UUID)"));
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (!(properties instanceof Map<?, ?> raw)) {
            errors.add(new ArenaException.FieldError("properties", "must be an object with at least a region"));
        } else {
            if (raw.size() > MAX_PROPERTIES) {
                errors.add(new ArenaException.FieldError("properties", "at most " + MAX_PROPERTIES + " properties"));
            }
            raw.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!KEY.matcher(key).matches()) {
                    errors.add(new ArenaException.FieldError("properties." + key,
                            "names are 1-32 characters of a-z 0-9 _, starting with a letter"));
                } else if (!(v instanceof String s) || s.isBlank() || s.length() > MAX_VALUE) {
                    errors.add(new ArenaException.FieldError("properties." + key,
                            "must be a non-blank string of at most " + MAX_VALUE + " characters"));
                } else {
                    props.put(key, s);
                }
            });
            if (!raw.containsKey(Ticket.REGION)) {
                errors.add(new ArenaException.FieldError("properties.region", "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        return new TicketRequest((String) mode, party, props);
    }
}
