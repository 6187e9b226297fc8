package dev.arena.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * A WebSocket client that writes frames byte by byte, for what a well-behaved client library refuses to send:
 * lengths it has no payload for, invalid UTF-8, compressed frames (permessage-deflate) of any inflated size.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int TEXT = 1;
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private String handshake = "";

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Upgrades {@code path}. */
    public static RawWebSocket connect(int port, String path) throws IOException {
        return upgrade(port, path, false);
    }

    /** Upgrades {@code path} offering permessage-deflate, as browsers do, whether or not the server takes it. */
    public static RawWebSocket offeringDeflate(int port, String path) throws IOException {
        return upgrade(port, path, true);
    }

    private static RawWebSocket upgrade(int port, String path, boolean deflate) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        RawWebSocket ws = new RawWebSocket(s);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (deflate ? "Sec-WebSocket-Extensions: permessage-deflate\r\n" : "") + "\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String head = ws.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        ws.handshake = head;
        return ws;
    }

    /** The server's answer to the upgrade: status line and headers. */
    public String handshake() {
        return handshake;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed during the handshake: " + b);
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** Writes one final, masked frame; {@code declaredLength} may exceed the payload (the rest is never sent). */
    public void frame(int opcode, boolean rsv1, byte[] payload, long declaredLength) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
        if (declaredLength < 126) {
            f.write(0x80 | (int) declaredLength);
        } else if (declaredLength < 65_536) {
            f.write(0x80 | 126);
            f.write((int) (declaredLength >>> 8));
            f.write((int) declaredLength & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) (declaredLength >>> (8 * i)) & 0xff);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    public void text(byte[] payload) throws IOException {
        frame(TEXT, false, payload, payload.length);
    }

    /** A text message compressed as permessage-deflate does it (raw deflate, the final empty block cut off). */
    public void compressedText(byte[] inflated) throws IOException {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(inflated);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            b.write(buf, 0, n);
        }
        d.end();
        byte[] all = b.toByteArray();
        byte[] payload = java.util.Arrays.copyOf(all, all.length - 4); // minus 00 00 ff ff
        frame(TEXT, true, payload, payload.length);
    }

    /** One frame from the server (servers do not mask). */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads the server's next frame, whatever it is. */
    public Frame next() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        return new Frame(b0 & 0x0f, in.readNBytes((int) len));
    }

    /** Reads frames until one with {@code opcode} (1 text, 9 ping, 10 pong) and returns it. */
    public Frame await(int opcode) throws IOException {
        while (true) {
            Frame f = next();
            if (f.opcode() == opcode) {
                return f;
            }
        }
    }

    /**
     * Reads frames until the server's close frame and returns its status code; -1 when the connection ended without
     * one. Text frames on the way (a welcome, errors) are skipped.
     */
    public int awaitClose() throws IOException {
        try {
            byte[] payload = await(8).payload();
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        } catch (java.io.EOFException | java.net.SocketException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
