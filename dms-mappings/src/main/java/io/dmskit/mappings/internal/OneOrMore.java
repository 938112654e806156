package io.dmskit.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.RandomAccess;

/**
 * The element list of a parsed one-element array: holds the element in a field and moves to an {@code ArrayList}
 * only when the array is changed to hold more. Every level of {@code [[[...]]]} is such an array, and this halves
 * what each level costs (an ArrayNode plus this object, instead of an ArrayNode, an ArrayList and its array).
 */
final class OneOrMore extends AbstractList<JsonNode> implements RandomAccess {
    private JsonNode one;
    private ArrayList<JsonNode> more;

    OneOrMore(JsonNode one) {
        this.one = one;
    }

    @Override
    public JsonNode get(int index) {
        if (more != null) {
            return more.get(index);
        }
        if (index != 0 || one == null) {
            throw new IndexOutOfBoundsException(index);
        }
        return one;
    }

    @Override
    public int size() {
        return more != null ? more.size() : one == null ? 0 : 1;
    }

    @Override
    public JsonNode set(int index, JsonNode element) {
        if (more != null) {
            return more.set(index, element);
        }
        JsonNode old = get(index);
        one = element;
        return old;
    }

    @Override
    public void add(int index, JsonNode element) {
        if (more == null && one == null && index == 0 && element != null) {
            one = element;
        } else {
            grow().add(index, element);
        }
        modCount++;
    }

    @Override
    public JsonNode remove(int index) {
        JsonNode old = grow().remove(index);
        modCount++;
        return old;
    }

    private ArrayList<JsonNode> grow() {
        if (more == null) {
            more = new ArrayList<>(4);
            if (one != null) {
                more.add(one);
            }
            one = null;
        }
        return more;
    }
}
