package clinic.smp.ops;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry (POSIX ustar with pax and GNU long names, as docker-archives and image layers are
 * written), for tests that look inside an image without unpacking it.
 */
final class Tar {

    record Entry(String name, char type, int uid, int mode, long size) {

        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    /** Receives each entry; {@code content} is the entry's data and must be read only within the call. */
    interface Visitor {
        void visit(Entry entry, InputStream content) throws IOException;
    }

    private Tar() {
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                return;
            }
            char type = (char) header[156];
            long size = number(header, 124, 12);
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type == 'x' || type == 'L') {
                String data = new String(readBytes(in, size), StandardCharsets.UTF_8);
                skipPadding(in, size);
                longName = type == 'L' ? data.replace("\0", "") : paxPath(data);
                continue;
            }
            Entry entry = new Entry(name, type, (int) number(header, 108, 8), (int) number(header, 100, 8), size);
            Bounded content = new Bounded(in, entry.isFile() ? size : 0);
            visitor.visit(entry, content);
            content.skipRest();
            skipPadding(in, entry.isFile() ? size : 0);
        }
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        String magic = text(header, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** The path of a pax extended header, if it has one. */
    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** An octal field, or a base-256 one (its first byte's high bit set) for large sizes. */
    private static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = text(header, offset, length).trim();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read == 0) {
            return false;
        }
        if (read < buffer.length) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar entry");
        }
        return data;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (512 - size % 512) % 512;
        discard(in, padding);
    }

    /** Reads and drops {@code count} bytes: read, not skipped, so that a digest of the stream sees them. */
    private static void discard(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("truncated tar entry");
            }
            left -= read;
        }
    }

    /** The data of one entry: reads stop at its end, and whatever the visitor left is skipped. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() {
            // the outer stream stays open
        }

        void skipRest() throws IOException {
            discard(in, remaining);
            remaining = 0;
        }
    }
}
