package school.evidence.ledger.backup;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Documents as gzipped lines of MongoDB's canonical extended JSON: every value keeps its BSON type (a 64-bit
 * position stays {@code $numberLong}), so a document read back is the document that was stored. Any tool that reads
 * extended JSON (mongoimport, jq after gunzip) can read an archive without our code.
 */
final class JsonLines {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private JsonLines() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one file; {@link #close()} returns nothing, {@link #sha256Hex()} the hash of the bytes on disk. */
    static final class Writer implements Closeable {
        private final MessageDigest digest = sha256();
        private final BufferedWriter out;
        private long count;

        Writer(Path file) throws IOException {
            OutputStream raw = new DigestOutputStream(Files.newOutputStream(file), digest);
            this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(raw, 1 << 16), StandardCharsets.UTF_8),
                                          1 << 16);
        }

        void write(Document document) {
            try {
                out.write(document.toJson(CANONICAL));
                out.write('\n');
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Reads every document of a file in order; returns the SHA-256 of the file's bytes as read. */
    static String read(Path file, Consumer<Document> each) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                                                                          StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(Document.parse(line));
                }
            }
            raw.transferTo(OutputStream.nullOutputStream()); // a trailer past the gzip end still counts in the hash
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a file's bytes. */
    static String hashOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
