package com.calliyo.localstack.h2store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a unique index's keys are kept in the H2 file: the key's values one after the other, each in H2's own format
 * for plain values ({@link ObjectDataType}: strings, numbers, dates, UUIDs natively, anything else Java-serialised).
 * <p>
 * Why: the library stores the key ({@link KeyValue}, a list of the indexed fields' values) with H2's default type,
 * which knows nothing of that class, so it Java-serialises it to write it and, because it is not {@code Comparable},
 * also to compare it, twice per comparison. Every insert looks each unique index up several times (a B-tree search
 * of about 20 comparisons each), which made those serialisations about 60% of the store's CPU while loading leads.
 * Comparing value by value with H2's plain-value comparison costs a string comparison for a string.
 * <p>
 * Two keys compare equal exactly when they have the same number of values and each pair is equal under
 * {@link ObjectDataType#compare}: the same type and value for the types H2 knows, {@code compareTo} for other
 * {@code Comparable}s of one class, the same serialised bytes otherwise. That is which keys collide in a unique index,
 * as before (H2's default compared the whole key's serialised bytes). Only the order of the keys differs, which shows
 * solely in the order a regular expression on a single-field unique index hands out its matches.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final byte NULL = 0;
    private static final byte VALUE = 1;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        for (int i = 0; i < a.size(); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return values.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value == null ? 8 : values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            if (value == null) {
                buffer.put(NULL);
            } else {
                buffer.put(VALUE);
                values.write(buffer, value);
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(buffer.get() == NULL ? null : values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
