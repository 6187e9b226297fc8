package dev.arena.logs;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * One rollup's rows while a batch is filled: each row found by its key (up to two strings and a number) with one
 * probe of an open-addressed table and no key object, so folding an event allocates nothing for a row it has seen
 * (a {@code HashMap} with record keys allocated a key per lookup and chased a node, a key and a sum). A row can
 * point at a coarser row it also adds to ({@link Row#up}): the fold finds the fine row and reaches the coarse one
 * without a lookup of its own. Rows are never removed. Not thread-safe: filled by the reading thread, then read by
 * the committing thread.
 */
final class RollupRows {
    /** A row: its key and its sums. */
    static final class Row extends Batch.Sum {
        final String a;
        final String b;
        final long n;
        /** The coarser row this one's events also count in (the player's type total, the game), or null. */
        Row up;
        /** Games only: the mode the game was first seen with. */
        String mode;

        Row(String a, String b, long n) {
            this.a = a;
            this.b = b;
            this.n = n;
        }

        /** Another row's sums, and its first and last seen where it keeps them (a commit group's fold). */
        void merge(Row other) {
            events += other.events;
            value += other.value;
            if (other.first != null && (first == null || other.first.isBefore(first))) {
                first = other.first;
            }
            if (other.last != null && (last == null || other.last.isAfter(last))) {
                last = other.last;
            }
        }

        /** One event's value, with its time (kept only where a rollup keeps first and last seen). */
        void add(double v, Instant ts) {
            events++;
            value += v;
            if (first == null || ts.isBefore(first)) {
                first = ts;
            }
            if (last == null || ts.isAfter(last)) {
                last = ts;
            }
        }
    }

    private Row[] table;
    private int[] hashes;
    private Row[] rows;
    private int size;

    RollupRows(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        table = new Row[c];
        hashes = new int[c];
        rows = new Row[c / 2];
    }

    int size() {
        return size;
    }

    Row row(int i) {
        return rows[i];
    }

    /** The row of the key, or null. */
    Row get(String a, String b, long n) {
        int h = hash(a, b, n);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Row r = table[i];
            if (r == null || hashes[i] == h && r.n == n && same(r.a, a) && same(r.b, b)) {
                return r;
            }
        }
    }

    /** The row of the key, made (empty) when it is not there yet. */
    Row add(String a, String b, long n) {
        int h = hash(a, b, n);
        int mask = table.length - 1;
        int i = h & mask;
        for (Row r; (r = table[i]) != null; i = (i + 1) & mask) {
            if (hashes[i] == h && r.n == n && same(r.a, a) && same(r.b, b)) {
                return r;
            }
        }
        Row r = new Row(a, b, n);
        table[i] = r;
        hashes[i] = h;
        rows[size++] = r;
        if (size == rows.length) {
            grow();
        }
        return r;
    }

    private void grow() {
        Row[] old = table;
        int[] oldHashes = hashes;
        table = new Row[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != null) {
                int i = oldHashes[k] & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = old[k];
                hashes[i] = oldHashes[k];
            }
        }
        rows = java.util.Arrays.copyOf(rows, table.length / 2);
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

    /** The rows as a read-only map: keys made on the way out, lookups through the table. */
    <K, V> Map<K, V> asMap(Function<Row, K> key, Function<Row, V> value, Function<Object, Row> find) {
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
                                Row r = rows[i++];
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
                Row r = find.apply(k);
                return r == null ? null : value.apply(r);
            }

            @Override
            public boolean containsKey(Object k) {
                return find.apply(k) != null;
            }
        };
    }
}
