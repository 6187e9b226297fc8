package dev.arena.logs;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * One rollup's rows while a batch or a commit group is filled, kept in parallel arrays: row {@code i} is its key
 * (up to two strings and a number) and its sums at index {@code i} of each array, found by one probe of an
 * open-addressed table of indices. There is no object per row: a commit group holds hundreds of thousands of rows
 * for seconds, and as objects each young collection copied the ones made since the last (measured: half of a
 * 30 ms pause during an ingest, which stops the server's event loops too); arrays are a few large objects that
 * G1 allocates outside the young generation once they pass half a region. A row can point at a coarser row of
 * another rollup ({@link #up}, an index): the fold finds the fine row and reaches the coarse one without a lookup
 * of its own. Rows are never removed, so an index stays valid. Not thread-safe: filled by the reading thread, then
 * read by the committing thread.
 */
final class RollupRows {
    /** No time seen yet: later than any {@link Instant}'s second. */
    private static final long NONE = Long.MAX_VALUE;
    /**
     * Arrays hold a power of two less this many elements: with the array's header they then end just inside a
     * power-of-two size. A large array fills whole G1 regions, and one of 2^k elements is 16 bytes over 2^k words:
     * it took a region more, left almost empty (measured: 55 MB of such tails in a 256 MB heap with two ingests of
     * ids that hardly repeat, and an OutOfMemoryError).
     */
    private static final int SLACK = 16;

    private final boolean times;
    private int[] table;
    private int[] hashes;
    private String[] as;
    private String[] bs;
    private long[] ns;
    private long[] events;
    private double[] values;
    private int[] ups;
    private String[] modes;
    private long[] firstSeconds;
    private int[] firstNanos;
    private long[] lastSeconds;
    private int[] lastNanos;
    private int size;

    /** {@code times}: the rows keep the first and last time they were seen. */
    RollupRows(int capacity, boolean times) {
        this.times = times;
        int rows = Integer.highestOneBit((Math.max(16, capacity) + SLACK) * 2 - 1) - SLACK;
        table = new int[tableFor(rows)];
        hashes = new int[table.length];
        resize(rows);
    }

    /** At most half full. */
    private static int tableFor(int rows) {
        return (rows + SLACK) * 2 - SLACK;
    }

    /** The table's slot of a hash: its length is not a power of two, so the high bits pick (Lemire's reduction). */
    private int slot(int h) {
        return (int) (((h & 0xFFFFFFFFL) * table.length) >>> 32);
    }

    private int next(int k) {
        return k + 1 == table.length ? 0 : k + 1;
    }

    int size() {
        return size;
    }

    String a(int i) {
        return as[i];
    }

    String b(int i) {
        return bs[i];
    }

    long n(int i) {
        return ns[i];
    }

    /** The coarser row this one's events also count in (the player's type total, the game), or -1. */
    int up(int i) {
        return ups[i];
    }

    void up(int i, int coarse) {
        ups[i] = coarse;
    }

    /** Games only: the mode the game was first seen with, or null. */
    String mode(int i) {
        return modes == null ? null : modes[i];
    }

    void mode(int i, String mode) {
        if (modes == null) {
            modes = new String[as.length];
        }
        modes[i] = mode;
    }

    /** The row of the key, or -1. */
    int get(String a, String b, long n) {
        int h = hash(a, b, n);
        for (int k = slot(h); ; k = next(k)) {
            int i = table[k] - 1;
            if (i < 0 || hashes[k] == h && ns[i] == n && same(as[i], a) && same(bs[i], b)) {
                return i;
            }
        }
    }

    /** The row of the key, made (empty) when it is not there yet. */
    int add(String a, String b, long n) {
        int h = hash(a, b, n);
        int k = slot(h);
        for (int i; (i = table[k] - 1) >= 0; k = next(k)) {
            if (hashes[k] == h && ns[i] == n && same(as[i], a) && same(bs[i], b)) {
                return i;
            }
        }
        int i = size++;
        table[k] = i + 1;
        hashes[k] = h;
        as[i] = a;
        bs[i] = b;
        ns[i] = n;
        ups[i] = -1;
        if (times) {
            firstSeconds[i] = NONE;
            lastSeconds[i] = NONE;
        }
        if (size == as.length) {
            grow();
        }
        return i;
    }

    /** One event's value. */
    void count(int i, double v) {
        events[i]++;
        values[i] += v;
    }

    /** One event's value, with its time. */
    void count(int i, double v, Instant ts) {
        count(i, v);
        seen(i, ts.getEpochSecond(), ts.getNano(), ts.getEpochSecond(), ts.getNano());
    }

    /** Row {@code j} of {@code other} added into row {@code i}: its sums, and its first and last seen where both keep them. */
    void merge(int i, RollupRows other, int j) {
        events[i] += other.events[j];
        values[i] += other.values[j];
        if (times && other.times && other.firstSeconds[j] != NONE) {
            seen(i, other.firstSeconds[j], other.firstNanos[j], other.lastSeconds[j], other.lastNanos[j]);
        }
    }

    private void seen(int i, long firstSecond, int firstNano, long lastSecond, int lastNano) {
        if (firstSeconds[i] == NONE) {
            firstSeconds[i] = firstSecond;
            firstNanos[i] = firstNano;
            lastSeconds[i] = lastSecond;
            lastNanos[i] = lastNano;
            return;
        }
        if (firstSecond < firstSeconds[i] || firstSecond == firstSeconds[i] && firstNano < firstNanos[i]) {
            firstSeconds[i] = firstSecond;
            firstNanos[i] = firstNano;
        }
        if (lastSecond > lastSeconds[i] || lastSecond == lastSeconds[i] && lastNano > lastNanos[i]) {
            lastSeconds[i] = lastSecond;
            lastNanos[i] = lastNano;
        }
    }

    /** Row {@code i}'s sums as the store reads them (made when asked). */
    Batch.Sum sum(int i) {
        Batch.Sum s = new Batch.Sum();
        s.events = events[i];
        s.value = values[i];
        if (times && firstSeconds[i] != NONE) {
            s.first = Instant.ofEpochSecond(firstSeconds[i], firstNanos[i]);
            s.last = Instant.ofEpochSecond(lastSeconds[i], lastNanos[i]);
        }
        return s;
    }

    private void grow() {
        int[] oldTable = table;
        int[] oldHashes = hashes;
        int rows = (as.length + SLACK) * 2 - SLACK;
        table = new int[tableFor(rows)];
        hashes = new int[table.length];
        for (int k = 0; k < oldTable.length; k++) {
            if (oldTable[k] != 0) {
                int s = slot(oldHashes[k]);
                while (table[s] != 0) {
                    s = next(s);
                }
                table[s] = oldTable[k];
                hashes[s] = oldHashes[k];
            }
        }
        resize(rows);
    }

    private void resize(int rows) {
        as = as == null ? new String[rows] : Arrays.copyOf(as, rows);
        bs = bs == null ? new String[rows] : Arrays.copyOf(bs, rows);
        ns = ns == null ? new long[rows] : Arrays.copyOf(ns, rows);
        events = events == null ? new long[rows] : Arrays.copyOf(events, rows);
        values = values == null ? new double[rows] : Arrays.copyOf(values, rows);
        ups = ups == null ? new int[rows] : Arrays.copyOf(ups, rows);
        if (modes != null) {
            modes = Arrays.copyOf(modes, rows);
        }
        if (times) {
            firstSeconds = firstSeconds == null ? new long[rows] : Arrays.copyOf(firstSeconds, rows);
            firstNanos = firstNanos == null ? new int[rows] : Arrays.copyOf(firstNanos, rows);
            lastSeconds = lastSeconds == null ? new long[rows] : Arrays.copyOf(lastSeconds, rows);
            lastNanos = lastNanos == null ? new int[rows] : Arrays.copyOf(lastNanos, rows);
        }
    }

    /*
     * Ids are canonical strings (StringCache), so their hash is cached in the String and equal ids are mostly the
     * same instance. The mixing matters: ids like "p-000123" and hours 3,600 apart make plain 31 * h + x codes
     * collide in droves.
     */
    private static int hash(String a, String b, long n) {
        long h = a.hashCode() * 0x9E3779B97F4A7C15L;
        h = (h ^ (b == null ? 0 : b.hashCode())) * 0xBF58476D1CE4E5B9L;
        h = (h ^ n) * 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }

    private static boolean same(String x, String y) {
        return x == y || x != null && x.equals(y);
    }

    /** The rows as a read-only map: keys and values made on the way out, lookups through the table. */
    <K, V> Map<K, V> asMap(IntFunction<K> key, IntFunction<V> value, ToIntFunction<Object> find) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<K, V>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<K, V>> iterator() {
                        return new Iterator<>() {
                            private int i;

                            @Override
                            public boolean hasNext() {
                                return i < size;
                            }

                            @Override
                            public Entry<K, V> next() {
                                if (i >= size) {
                                    throw new NoSuchElementException();
                                }
                                int r = i++;
                                return new SimpleImmutableEntry<>(key.apply(r), value.apply(r));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public V get(Object k) {
                int r = find.applyAsInt(k);
                return r < 0 ? null : value.apply(r);
            }

            @Override
            public boolean containsKey(Object k) {
                return find.applyAsInt(k) >= 0;
            }
        };
    }
}
