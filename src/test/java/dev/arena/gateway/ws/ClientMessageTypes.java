package dev.arena.gateway.ws;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The message family a client may send on {@code /ws}, for tests outside this package that must cover every member
 * (the authorisation matrix): read from the sealed {@link ClientMessage} itself, so a new message cannot be missed.
 */
public final class ClientMessageTypes {
    private ClientMessageTypes() {}

    /** The simple names of every {@link ClientMessage} record. */
    public static Set<String> all() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(ClientMessage.class.getPermittedSubclasses()).forEach(c -> names.add(c.getSimpleName()));
        return names;
    }

    /** The record a frame decodes into (the decoder's own answer), by simple name. */
    public static String of(JsonObject frame) {
        return MessageDecoder.decode(frame).getClass().getSimpleName();
    }
}
