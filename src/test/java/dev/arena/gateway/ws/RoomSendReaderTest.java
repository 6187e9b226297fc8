package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.Json;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The room.send fast path ({@link RoomSendReader}) gives what the general path gives, keeping {@code data} as the
 * client wrote it, and leaves every frame it is not sure of (and every faulty one) to the general path.
 */
class RoomSendReaderTest {

    /** The general path's reading of a frame. */
    private static ClientMessage general(String frame) {
        return MessageDecoder.decode(MessageDecoder.parse(frame));
    }

    /** The fast path read the frame, and agrees with the general path on rid, room and the value of data. */
    private static ClientMessage.RoomSend agrees(String frame) {
        ClientMessage.RoomSend fast = RoomSendReader.read(frame);
        assertThat(fast).as(frame).isNotNull();
        ClientMessage.RoomSend slow = (ClientMessage.RoomSend) general(frame);
        assertThat(fast.rid()).as(frame).isEqualTo(slow.rid());
        assertThat(fast.room()).isEqualTo(slow.room());
        assertThat(Json.parse(fast.data())).as(frame).isEqualTo(Json.parse(slow.data()));
        return fast;
    }

    @Test
    void keepsDataAsTheClientWroteItForEveryKindOfValue() {
        for (String data : List.of("{\"t\":1733593200123,\"k\":7}", "1", "-0", "12.50", "-2.5e3", "1E+2",
                "123456789012345678901234567890", "\"text\"", "\"esc \\\" \\\\ \\u00e9 \\/ \\n\"", "\"😀 ü\"",
                "true", "false", "null", "[]", "{}", "[1,[2,[3,{\"a\":[]}]]]",
                "{ \"spaced\" : [ 1 , 2 ] ,\n\t\"x\" : { } }")) {
            String frame = "{\"type\":\"room.send\",\"room\":\"lobby\",\"data\":" + data + "}";
            assertThat(agrees(frame).data()).isEqualTo(data);
        }
    }

    @Test
    void readsTheFieldsInAnyOrderWithSpacesAndEveryKindOfRid() {
        assertThat(agrees(" { \"data\" : [1] , \"room\" : \"r-1\" , \"type\" : \"room.send\" } ").data())
                .isEqualTo("[1]");
        assertThat(agrees("{\"type\":\"room.send\",\"rid\":\"r7\",\"room\":\"a\",\"data\":{}}").rid()).isEqualTo("r7");
        assertThat(agrees("{\"type\":\"room.send\",\"rid\":42,\"room\":\"a\",\"data\":{}}").rid()).isEqualTo(42);
        assertThat(agrees("{\"type\":\"room.send\",\"rid\":4000000000,\"room\":\"a\",\"data\":0}").rid())
                .isEqualTo(4_000_000_000L);
        assertThat(agrees("{\"rid\":null,\"type\":\"room.send\",\"room\":\"a\",\"data\":0}").rid()).isNull();
    }

    @Test
    void leavesOtherFramesToTheGeneralPath() {
        for (String frame : List.of(
                "{\"type\":\"ping\"}",
                "{\"type\":\"chat.send\",\"room\":\"a\",\"message\":\"hi\"}",
                "{\"type\":\"room.send\",\"room\":\"a\",\"data\":1,\"extra\":true}", // a field it does not know
                "{\"type\":\"room.send\",\"room\":\"a\",\"room\":\"b\",\"data\":1}", // a field twice: last wins there
                "{\"type\":\"room.send\",\"rid\":\"x\",\"rid\":\"y\",\"room\":\"a\",\"data\":1}",
                "{\"type\":\"room.send\",\"room\":\"a\",\"data\":1,\"data\":2}",
                // a name twice inside data: the general path keeps the last value, and sends that
                "{\"type\":\"room.send\",\"room\":\"a\",\"data\":{\"a\":1,\"a\":2}}",
                "{\"type\":\"room.send\",\"room\":\"a\",\"data\":[{\"x\":{\"b\":1,\"c\":2,\"b\":3}}]}",
                "{\"type\":\"chat.send\",\"room\":\"room.send\",\"message\":\"hi\"}")) {
            assertThat(RoomSendReader.read(frame)).as(frame).isNull();
            general(frame); // and that path takes it
        }
    }

    @Test
    void leavesEveryFaultToTheGeneralPathWhichNamesIt() {
        String send = "{\"type\":\"room.send\",\"room\":\"a\",\"data\":";
        for (String frame : List.of(
                "", "[]", "\"room.send\"", "{", send + "1", send + "1}}", send + "1} {}", send + "1}x",
                send + "[1,]}", send + "{\"a\" 1}}", send + "tru}", send + "01}",
                "{\"type\":\"room.send\",\"room\":\"a\"}", // no data
                "{\"type\":\"room.send\",\"data\":1}", // no room
                "{\"room\":\"a\",\"data\":1}", // no type
                "{\"type\":7,\"room\":\"a\",\"data\":1}",
                "{\"type\":\"room.send\",\"room\":7,\"data\":1}",
                "{\"type\":\"room.send\",\"room\":\"bad room\",\"data\":1}",
                "{\"type\":\"room.send\",\"room\":\"\",\"data\":1}",
                "{\"type\":\"room.send\",\"rid\":1.5,\"room\":\"a\",\"data\":1}",
                "{\"type\":\"room.send\",\"rid\":99999999999999999999,\"room\":\"a\",\"data\":1}",
                "{\"type\":\"room.send\",\"rid\":\"" + "r".repeat(65) + "\",\"room\":\"a\",\"data\":1}",
                "{\"type\":\"room.send\",\"rid\":[],\"room\":\"a\",\"data\":1}",
                send + "\"nul \\u0000\"}", send + "{\"nul \\u0000\":1}}", send + "[\"lone \\ud800\"]}",
                send + "1e400}", send + "[-1e999]}",
                send + "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1) + "}",
                send + "1" + "0".repeat(Json.MAX_NUMBER_LENGTH + 1) + "}")) {
            assertThat(RoomSendReader.read(frame)).as(frame).isNull();
            assertThatThrownBy(() -> general(frame)).as(frame).isInstanceOf(ProtocolError.class);
        }
    }

    /**
     * Measured 2026-12-07: 840 bytes per bench frame through the fast path (JMH, {@code RoomSendDecodeBenchmark}),
     * 1,912 through the general one. The guard fails if a frame goes the general way again, or the fast path starts
     * building the values it only checks.
     */
    private static final long MAX_BYTES_PER_FRAME = 1_300;

    @Test
    void theBenchFrameAllocatesLessThanTheGeneralPathDid() {
        String frame = "{\"type\":\"room.send\",\"room\":\"r-1234\",\"data\":{\"t\":1733593200123456,\"k\":98765}}";
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        int sink = 0;
        for (int i = 0; i < 50_000; i++) { // the JIT's warm-up
            sink += RoomSendReader.read(frame).data().length();
        }
        int frames = 20_000;
        long before = mx.getThreadAllocatedBytes(thread);
        for (int i = 0; i < frames; i++) {
            sink += RoomSendReader.read(frame).data().length();
        }
        long perFrame = (mx.getThreadAllocatedBytes(thread) - before) / frames;
        System.out.println("ROOM_SEND_BYTES_PER_FRAME " + perFrame);
        assertThat(sink).isPositive();
        assertThat(perFrame).isLessThanOrEqualTo(MAX_BYTES_PER_FRAME);
    }

    /**
     * Past 32,768 characters Jackson reads a String through a reader in buffers of 4,000: numbers, literals and
     * strings then straddle a refill, and data must still be cut at the right characters.
     */
    @Test
    void cutsDataRightInAFrameLongerThanJacksonsBuffers() {
        Random random = new Random(7);
        List<String> items = new ArrayList<>();
        int length = 0;
        for (int i = 0; length < 80_000; i++) {
            String item = switch (i % 6) {
                case 0 -> String.valueOf(random.nextLong());
                case 1 -> String.valueOf(random.nextDouble() * 1e5);
                case 2 -> "true";
                case 3 -> "null";
                case 4 -> Json.quote("text ü😀 " + i + " \"q\"");
                default -> "{\"k" + i + "\":[" + i + ",-1.5e-3,false]}";
            };
            items.add(item);
            length += item.length() + 1;
        }
        for (String data : List.of("[" + String.join(",", items) + "]", "[" + String.join(" , ", items) + "] ")) {
            String trimmed = data.strip();
            String frame = "{\"type\":\"room.send\",\"room\":\"big\",\"data\":" + data + "}";
            assertThat(frame.length()).isGreaterThan(32_768);
            assertThat(agrees(frame).data()).isEqualTo(trimmed);
        }
        String last = items.get(items.size() - 1);
        for (int pad = 32_700; pad < 32_800; pad += 7) { // a scalar data ending on every side of a buffer's edge
            String frame = "{\"type\":\"room.send\",\"rid\":\"" + "r".repeat(8) + "\",\"room\":\"r\","
                    + "\"data\":" + " ".repeat(pad) + last + "}";
            assertThat(agrees(frame).data()).isEqualTo(last);
        }
    }

    /** Random values with random spacing: the fast path reads each, and agrees with the general path. */
    @Test
    void agreesWithTheGeneralPathOnRandomData() {
        Random random = new Random(20261207);
        for (int i = 0; i < 2_000; i++) {
            String data = value(random, 0);
            String frame = "{" + space(random) + "\"type\":\"room.send\"," + space(random) + "\"room\":\"r\","
                    + "\"data\":" + space(random) + data + space(random) + "}";
            assertThat(agrees(frame).data()).isEqualTo(data);
        }
    }

    private static String space(Random r) {
        return List.of("", " ", "\n", "\t ", "  ").get(r.nextInt(5));
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> String.valueOf(r.nextInt());
            case 1 -> String.valueOf(r.nextLong());
            case 2 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20) + "";
            case 3 -> Json.quote(text(r));
            case 4 -> List.of("true", "false", "null").get(r.nextInt(3));
            case 5 -> "\"\"";
            case 6 -> {
                List<String> items = new ArrayList<>();
                for (int j = r.nextInt(4); j > 0; j--) {
                    items.add(space(r) + value(r, depth + 1) + space(r));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> fields = new ArrayList<>();
                for (int j = r.nextInt(4); j > 0; j--) {
                    fields.add(Json.quote(text(r) + j) + ":" + space(r) + value(r, depth + 1));
                }
                yield "{" + String.join("," + space(r), fields) + "}";
            }
        };
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        String alphabet = "ab \"\\/\n\tü€😀\u0001";
        for (int j = r.nextInt(6); j > 0; j--) {
            int at = r.nextInt(alphabet.length() - 1);
            b.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2)
                    : Character.isLowSurrogate(alphabet.charAt(at)) ? "x" : alphabet.charAt(at));
        }
        return b.toString();
    }
}
