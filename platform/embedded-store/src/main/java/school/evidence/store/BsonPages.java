package school.evidence.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded disk store writes documents and unique-index keys into its file: as BSON, the format MongoDB
 * itself uses, instead of H2's default Java serialization. Profiling the write path showed most of the embedded
 * server's time in {@code ObjectOutputStream}: every commit re-serialises whole B-tree pages, and H2 orders keys it
 * does not know (index keys) by comparing their serialised bytes, so each index lookup serialised keys too.
 * <p>
 * Each BSON entry starts with a marker byte H2's own format never uses, so a file written before this change is
 * still read (entries without the marker go to H2's reader) and is converted page by page as it is rewritten.
 * Values BSON could not give back exactly (an {@code Instant} finer than a millisecond, a type BSON lacks) keep
 * H2's format.
 */
final class BsonPages {

    /** Never a type tag of H2's {@link ObjectDataType} (those are 0..119). */
    static final byte MARKER = (byte) 0xB5;

    private BsonPages() {
    }

    /** Values of a collection's data map: the stored documents. */
    static final class Documents extends BasicDataType<Document> {

        private final ObjectDataType legacy = new ObjectDataType();

        /**
         * Roughly what the document holds on the heap. H2 bounds its page cache and triggers its background commit
         * by these figures; a flat per-field guess undercounted text-heavy records about 25-fold, so the cache held
         * far more than it believed and a second of unsaved changes could outgrow a small heap.
         */
        @Override
        public int getMemory(Document document) {
            return (int) Math.min(Integer.MAX_VALUE, estimate(document));
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            if (!roundTrips(document)) {
                legacy.write(buffer, document);
                return;
            }
            buffer.put(MARKER);
            encodeInto(buffer, document);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            if (buffer.get(buffer.position()) != MARKER) {
                return (Document) legacy.read(buffer);
            }
            buffer.get();
            return decode(buffer);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * Keys of a unique index. The index only looks keys up, so any total order that agrees with equality serves;
     * this one compares values of the same type directly and falls back to their BSON bytes.
     */
    static class IndexKeys extends BasicDataType<KeyValue> {

        private final ObjectDataType legacy = new ObjectDataType();

        @Override
        public int getMemory(KeyValue key) {
            return 48 + 32 * key.size();
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            if (PlainKeys.writable(key)) {
                PlainKeys.write(buffer, key);
                return;
            }
            List<Object> values = key.stream().toList();
            if (!roundTrips(values)) {
                legacy.write(buffer, key);
                return;
            }
            buffer.put(MARKER);
            encodeInto(buffer, new Document("k", values));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            byte first = buffer.get(buffer.position());
            if (first == PlainKeys.MARKER) {
                return PlainKeys.read(buffer);
            }
            if (first != MARKER) {
                return (KeyValue) legacy.read(buffer);
            }
            buffer.get();
            return new KeyValue((Collection<?>) decode(buffer).get("k"));
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            if (a.size() != b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            for (int i = 0; i < a.size(); i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compareValues(Object x, Object y) {
            // one pass for the usual case, two values of one comparable type (ids, texts, numbers, times): their
            // order is 0 exactly when they are equal, and asking equals first walked a long shared prefix twice
            if (x != null && y != null && x.getClass() == y.getClass() && x instanceof Comparable comparable) {
                return comparable.compareTo(y);
            }
            if (Objects.equals(x, y)) {
                return 0;
            }
            if (x == null || y == null) {
                return x == null ? -1 : 1;
            }
            if (x.getClass() != y.getClass()) {
                return x.getClass().getName().compareTo(y.getClass().getName());
            }
            int c = Arrays.compare(encode(new Document("v", x)), encode(new Document("v", y)));
            // unequal values with equal encodings cannot be told apart by BSON; order them stably all the same
            return c != 0 ? c : Integer.compare(x.hashCode(), y.hashCode());
        }
    }

    /**
     * Keys of a secondary index: the indexed values followed by the document's position. Ordered value by value with
     * a shorter key before every longer key it begins, so the positions of one value are a contiguous run that
     * starts at the key holding just that value.
     */
    static final class PrefixKeys extends IndexKeys {

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }

    /**
     * Index keys made only of plain values (text, numbers, booleans, null, object ids), the keys every index here
     * holds, written value by value with a tag byte each. The write path's profile showed a third of the store's
     * page writing spent wrapping each such key in a BSON document of its own.
     */
    static final class PlainKeys {

        /** Not a tag of H2's format, nor {@link BsonPages#MARKER}. */
        static final byte MARKER = (byte) 0xB6;
        private static final byte NULL = 0;
        private static final byte TEXT = 1;
        private static final byte INT = 2;
        private static final byte LONG = 3;
        private static final byte DOUBLE = 4;
        private static final byte FALSE = 5;
        private static final byte TRUE = 6;
        private static final byte OBJECT_ID = 7;

        private PlainKeys() {
        }

        static boolean writable(KeyValue key) {
            for (Object value : key) {
                if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
                        || value instanceof Double || value instanceof Boolean || value instanceof ObjectId)) {
                    return false;
                }
            }
            return true;
        }

        static void write(WriteBuffer buffer, KeyValue key) {
            buffer.put(MARKER).putVarInt(key.size());
            for (Object value : key) {
                switch (value) {
                    case null -> buffer.put(NULL);
                    case String text -> buffer.put(TEXT).putVarInt(text.length()).putStringData(text, text.length());
                    case Integer number -> buffer.put(INT).putVarInt(number);
                    case Long number -> buffer.put(LONG).putVarLong(number);
                    case Double number -> buffer.put(DOUBLE).putDouble(number);
                    case Boolean flag -> buffer.put(flag ? TRUE : FALSE);
                    case ObjectId id -> buffer.put(OBJECT_ID).put(id.toByteArray());
                    default -> throw new IllegalArgumentException("Not a plain key value: " + value.getClass());
                }
            }
        }

        static KeyValue read(ByteBuffer buffer) {
            buffer.get();
            Object[] values = new Object[DataUtils.readVarInt(buffer)];
            for (int i = 0; i < values.length; i++) {
                byte tag = buffer.get();
                values[i] = switch (tag) {
                    case NULL -> null;
                    case TEXT -> DataUtils.readString(buffer);
                    case INT -> DataUtils.readVarInt(buffer);
                    case LONG -> DataUtils.readVarLong(buffer);
                    case DOUBLE -> buffer.getDouble();
                    case FALSE -> false;
                    case TRUE -> true;
                    case OBJECT_ID -> {
                        byte[] id = new byte[12];
                        buffer.get(id);
                        yield new ObjectId(id);
                    }
                    default -> throw new IllegalStateException("Unknown index key tag " + tag);
                };
            }
            return new KeyValue(values);
        }
    }

    /** A heap size estimate of a stored value, walked rather than encoded (it is asked for on every page change). */
    static long estimate(Object value) {
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            long size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            long size = 32;
            for (Object item : items) {
                size += 8 + estimate(item);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24; // numbers, dates, ids, booleans, null

    }

    /** True when BSON gives this value back equal to itself. */
    static boolean roundTrips(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0; // BSON dates hold milliseconds
        }
        if (value instanceof Document document) {
            return roundTrips(document.values());
        }
        if (value instanceof List<?> list) {
            return roundTrips(list);
        }
        return false;
    }

    private static boolean roundTrips(Collection<?> values) {
        for (Object value : values) { // a loop, not a stream: asked for every document of every page written
            if (!roundTrips(value)) {
                return false;
            }
        }
        return true;
    }

    /** A scratch buffer per thread: pages are written value after value, each encoded here and copied out. */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private static void encodeInto(WriteBuffer buffer, Map<String, ?> document) {
        ByteBuf out = SCRATCH.get().clear();
        BsonEncoder.encodeDocument(document, out);
        buffer.put(out.nioBuffer());
        if (out.capacity() > 1 << 20) {
            SCRATCH.remove(); // one huge document should not pin its buffer for good
        }
    }

    private static byte[] encode(Map<String, ?> document) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static Document decode(ByteBuffer buffer) {
        int at = buffer.position();
        // a BSON document starts with its own length, little-endian
        int length = (buffer.get(at) & 0xff) | (buffer.get(at + 1) & 0xff) << 8 | (buffer.get(at + 2) & 0xff) << 16
                | (buffer.get(at + 3) & 0xff) << 24;
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(at, length)));
        buffer.position(at + length);
        return document;
    }
}
