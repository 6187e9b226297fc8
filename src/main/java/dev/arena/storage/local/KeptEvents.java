package dev.arena.storage.local;

import dev.arena.presence.Member;
import dev.arena.room.RoomEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One room's kept stream events (its resume buffer on a single node), as bytes in a few chunks instead of as event
 * objects.
 *
 * <p>Why: a kept event lives for seconds to minutes (512 per room), far longer than the young collections' period,
 * so every event object was copied into the old generation and later died there. With 2,000 clients in rooms of 4
 * at 10 msgs/s that was 20,000 events a second of five to seven objects each (438 bytes): pinned to one core (Serial),
 * the collections took 2.4–4.2 s of pauses in 40 s and 14–15 % of the server's CPU; with the events as bytes,
 * 1.1–2.1 s and 7–8 % (docs/BENCHMARKS.md, 2026-12-07 21:55). Here an append
 * copies the event's fields into the newest chunk; a chunk is one array, copied once when the collector promotes it
 * and never again, and the event object dies young. A replay, rare, makes the events again from the bytes. (Not
 * the nodes' codec, {@code RoomEventCodec}: it builds a JsonObject and its text per event, on every append here.)
 *
 * <p>A record: {@code int size} (of what follows), {@code byte kind}, {@code long epochSecond}, {@code int nano},
 * then the kind's fields; a string is {@code int length} (-1 for null) and its UTF-8 bytes. Records are appended to
 * the newest chunk and dropped from the oldest; a chunk is let go once all its records are dropped. Chunks grow from
 * {@link #FIRST_CHUNK} to {@link #MAX_CHUNK} bytes, so a quiet room holds a few hundred bytes and a busy one wastes at
 * most the unused end of its chunks. Not thread-safe: the room's log guards it.
 */
final class KeptEvents {
    static final int FIRST_CHUNK = 256;
    static final int MAX_CHUNK = 16 * 1024;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final byte MESSAGE = 'm';
    private static final byte CHAT = 'c';
    private static final byte PRESENCE = 'p';
    private static final byte DIRECT = 'd';
    private static final byte NOTICE = 'x';
    /** size, kind, epoch second, nano. */
    private static final int HEAD = 4 + 1 + 8 + 4;

    private static final class Chunk {
        final byte[] bytes;
        /** Where the oldest record still kept in this chunk starts. */
        int start;
        /** Where the next record goes. */
        int end;

        Chunk(int size) {
            bytes = new byte[size];
        }
    }

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private int count;
    /** The sequence number of the oldest kept event (when {@link #count} is above 0). */
    private long oldestSeq;

    int size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long oldestSeq() {
        return oldestSeq;
    }

    /** Keeps {@code event}, numbered {@code seq}: one more than the newest kept (or the first after an empty buffer). */
    void add(long seq, RoomEvent event) {
        byte[][] strings = strings(event);
        int size = HEAD + fixedSize(event);
        for (byte[] s : strings) {
            size += 4 + (s == null ? 0 : s.length);
        }
        Chunk c = room(size);
        int at = c.end;
        byte[] b = c.bytes;
        INT.set(b, at, size - 4);
        LONG.set(b, at + 5, event.ts().getEpochSecond());
        INT.set(b, at + 13, event.ts().getNano());
        int p = at + HEAD;
        switch (event) {
            case RoomEvent.Message m -> {
                b[at + 4] = MESSAGE;
                p = putUuid(b, p, m.from());
            }
            case RoomEvent.Chat ch -> {
                b[at + 4] = CHAT;
                LONG.set(b, p, ch.id());
                p = putUuid(b, p + 8, ch.from());
            }
            case RoomEvent.Presence pr -> {
                b[at + 4] = PRESENCE;
                b[p++] = (byte) (pr.joined() ? 1 : 0);
                p = putUuid(b, p, pr.member().userId());
                p = putUuid(b, p, pr.member().sessionId());
            }
            case RoomEvent.Direct d -> {
                b[at + 4] = DIRECT;
                LONG.set(b, p, d.id());
                p = putUuid(b, p + 8, d.from());
                p = putUuid(b, p, d.to());
            }
            case RoomEvent.Notice x -> b[at + 4] = NOTICE;
        }
        for (byte[] s : strings) {
            p = putString(b, p, s);
        }
        c.end = p;
        if (count++ == 0) {
            oldestSeq = seq;
        }
    }

    /** The oldest kept event's time (the buffer must not be empty). */
    Instant oldestTs() {
        Chunk c = chunks.peekFirst();
        int at = c.start;
        return Instant.ofEpochSecond((long) LONG.get(c.bytes, at + 5), (int) INT.get(c.bytes, at + 13));
    }

    void dropOldest() {
        Chunk c = chunks.peekFirst();
        c.start += 4 + (int) INT.get(c.bytes, c.start);
        count--;
        oldestSeq++;
        if (c.start == c.end && (chunks.size() > 1 || count == 0)) {
            chunks.pollFirst();
        }
    }

    /** The kept events numbered after {@code afterSeq}, made again as events of {@code room}. */
    List<RoomEvent> after(String room, long afterSeq) {
        List<RoomEvent> out = new ArrayList<>();
        long seq = oldestSeq;
        for (Chunk c : chunks) {
            int at = c.start;
            while (at < c.end) {
                int size = (int) INT.get(c.bytes, at);
                if (seq > afterSeq) {
                    out.add(read(room, seq, c.bytes, at));
                }
                at += 4 + size;
                seq++;
            }
        }
        return out;
    }

    /** Bytes this buffer holds in its chunks (for tests). */
    long retainedBytes() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.bytes.length;
        }
        return n;
    }

    private Chunk room(int size) {
        Chunk last = chunks.peekLast();
        if (last != null && last.bytes.length - last.end >= size) {
            return last;
        }
        int grown = last == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, last.bytes.length * 2);
        Chunk c = new Chunk(Math.max(grown, size));
        chunks.addLast(c);
        return c;
    }

    private static RoomEvent read(String room, long seq, byte[] b, int at) {
        byte kind = b[at + 4];
        Instant ts = Instant.ofEpochSecond((long) LONG.get(b, at + 5), (int) INT.get(b, at + 13));
        int[] p = {at + HEAD};
        return switch (kind) {
            case MESSAGE -> {
                UUID from = uuid(b, p);
                yield new RoomEvent.Message(room, seq, from, string(b, p), ts);
            }
            case CHAT -> {
                long id = (long) LONG.get(b, p[0]);
                p[0] += 8;
                UUID from = uuid(b, p);
                String name = string(b, p);
                yield new RoomEvent.Chat(room, seq, id, from, name, string(b, p), ts);
            }
            case PRESENCE -> {
                boolean joined = b[p[0]++] == 1;
                UUID user = uuid(b, p);
                UUID session = uuid(b, p);
                String name = string(b, p);
                yield new RoomEvent.Presence(room, joined, new Member(user, name, session, string(b, p)), ts);
            }
            case DIRECT -> {
                long id = (long) LONG.get(b, p[0]);
                p[0] += 8;
                UUID from = uuid(b, p);
                UUID to = uuid(b, p);
                yield new RoomEvent.Direct(room, id, from, to, string(b, p), ts);
            }
            case NOTICE -> new RoomEvent.Notice(room, string(b, p), ts);
            default -> throw new IllegalStateException("kept event of unknown kind " + kind);
        };
    }

    /** Bytes of the kind's fields other than strings. */
    private static int fixedSize(RoomEvent e) {
        return switch (e) {
            case RoomEvent.Message m -> 16;
            case RoomEvent.Chat c -> 8 + 16;
            case RoomEvent.Presence p -> 1 + 32;
            case RoomEvent.Direct d -> 8 + 32;
            case RoomEvent.Notice x -> 0;
        };
    }

    /** The kind's strings as UTF-8, in the order {@link #read} reads them (short-lived: they die young). */
    private static byte[][] strings(RoomEvent e) {
        return switch (e) {
            case RoomEvent.Message m -> new byte[][] {utf8(m.data())};
            case RoomEvent.Chat c -> new byte[][] {utf8(c.displayName()), utf8(c.message())};
            case RoomEvent.Presence p -> new byte[][] {utf8(p.member().displayName()), utf8(p.member().node())};
            case RoomEvent.Direct d -> new byte[][] {utf8(d.message())};
            case RoomEvent.Notice x -> new byte[][] {utf8(x.frame())};
        };
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int putUuid(byte[] b, int p, UUID u) {
        LONG.set(b, p, u.getMostSignificantBits());
        LONG.set(b, p + 8, u.getLeastSignificantBits());
        return p + 16;
    }

    private static int putString(byte[] b, int p, byte[] s) {
        if (s == null) {
            INT.set(b, p, -1);
            return p + 4;
        }
        INT.set(b, p, s.length);
        System.arraycopy(s, 0, b, p + 4, s.length);
        return p + 4 + s.length;
    }

    private static UUID uuid(byte[] b, int[] p) {
        UUID u = new UUID((long) LONG.get(b, p[0]), (long) LONG.get(b, p[0] + 8));
        p[0] += 16;
        return u;
    }

    private static String string(byte[] b, int[] p) {
        int n = (int) INT.get(b, p[0]);
        p[0] += 4;
        if (n < 0) {
            return null;
        }
        String s = new String(b, p[0], n, StandardCharsets.UTF_8);
        p[0] += n;
        return s;
    }
}
