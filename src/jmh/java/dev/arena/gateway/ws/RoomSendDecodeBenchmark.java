package dev.arena.gateway.ws;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one {@code room.send} frame: {@code fast} is {@link RoomSendReader} (one streaming pass, data kept as
 * written), {@code general} is {@link MessageDecoder}'s parse into a JsonObject, its storable check and decode,
 * which writes data out again: the way every frame went before. {@code frame}: the bench's frame (data of two
 * numbers), and the SDK's (a rid, and data of an object with a string and an array).
 * Run: {@code ./mvnw -q -Pjmh test-compile exec:exec -Djmh.args="RoomSendDecodeBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoomSendDecodeBenchmark {
    @Param({"bench", "sdk"})
    public String frame;

    private static final String BENCH =
            "{\"type\":\"room.send\",\"room\":\"r-1234\",\"data\":{\"t\":1733593200123456,\"k\":98765}}";
    private static final String SDK = "{\"type\":\"room.send\",\"rid\":\"r42\",\"room\":\"lobby\",\"data\":"
            + "{\"kind\":\"move\",\"to\":[12,7],\"say\":\"gg, well played\"}}";

    private String text;

    @Setup
    public void setUp() {
        text = frame.equals("bench") ? BENCH : SDK;
    }

    @Benchmark
    public ClientMessage fast() {
        return RoomSendReader.read(text);
    }

    @Benchmark
    public ClientMessage general() {
        return MessageDecoder.decode(MessageDecoder.parse(text));
    }
}
