package io.dmskit.core.internal.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Immutable JSON arrays as read, sized exactly: a one-element array (every level of {@code [[[1]]]}) costs one small
 * object instead of an {@code ArrayList} with its spare capacity, which keeps a parsed tree within a small constant
 * of its text. Null elements are allowed (JSON {@code null}).
 */
final class CompactList {

    private CompactList() {
    }

    /**
     * @param items the elements (taken from index 0 to size)
     * @param size how many
     * @return an immutable list of those elements
     */
    static List<Object> of(Object[] items, int size) {
        return switch (size) {
            case 0 -> List.of();
            case 1 -> new One(items[0]);
            default -> new Many(Arrays.copyOf(items, size));
        };
    }

    private static final class One extends AbstractList<Object> implements RandomAccess {
        private final Object item;

        One(Object item) {
            this.item = item;
        }

        @Override
        public Object get(int index) {
            if (index != 0) {
                throw new IndexOutOfBoundsException(index);
            }
            return item;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    private static final class Many extends AbstractList<Object> implements RandomAccess {
        private final Object[] items;

        Many(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
