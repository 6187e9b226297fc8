package dev.arena.gateway.ws;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Joins a socket's data frames into messages, in place of Vert.x's own aggregation, for the two things that one
 * does not do: refuse a text message that is not UTF-8 (RFC 6455 §8.1: close with 1007; Vert.x would hand on a
 * string with replacement characters) and refuse an oversized message with 1009 rather than an exception the
 * gateway could only call internal. One per connection, used on its event loop only.
 */
final class FrameAssembler {
    /** What a finished message was. */
    sealed interface Message {
        record Text(String text) implements Message {}

        record Binary(int bytes) implements Message {}
    }

    /** A message the socket must be closed for, with the RFC 6455 code. */
    static final class Refused extends Exception {
        final short code;

        Refused(short code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    private final int maxBytes;
    private Buffer pending;
    private boolean pendingText;

    FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The message this frame completes, or null while it is still incomplete (or for control frames). */
    Message accept(WebSocketFrame frame) throws Refused {
        if (frame.isText() || frame.isBinary()) {
            pending = null;
            pendingText = frame.isText();
        } else if (!frame.isContinuation() || pending == null) {
            return null; // ping, pong and close are Vert.x's; a stray continuation has nothing to continue
        }
        Buffer data = frame.binaryData();
        int size = (pending == null ? 0 : pending.length()) + data.length();
        if (size > maxBytes) {
            pending = null;
            throw new Refused(CloseCodes.MESSAGE_TOO_BIG, "messages are limited to " + maxBytes + " bytes");
        }
        if (!frame.isFinal()) {
            pending = pending == null ? data.copy() : pending.appendBuffer(data);
            return null;
        }
        Buffer whole = pending == null ? data : pending.appendBuffer(data);
        pending = null;
        if (!pendingText) {
            return new Message.Binary(whole.length());
        }
        try {
            return new Message.Text(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(whole.getBytes())).toString());
        } catch (CharacterCodingException e) {
            throw new Refused(CloseCodes.INVALID_PAYLOAD, "text frames must be UTF-8");
        }
    }

    /**
     * The close code for a failure the WebSocket layer reports: Netty's decoder names the RFC status of a frame it
     * refuses (a frame above the size limit: 1009), anything else is the server's problem (1011).
     */
    static short closeCodeFor(Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException c && c.closeStatus() != null) {
            return (short) c.closeStatus().code();
        }
        if (failure instanceof io.netty.handler.codec.TooLongFrameException) {
            return (short) WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
        }
        return CloseCodes.INTERNAL_ERROR;
    }
}
