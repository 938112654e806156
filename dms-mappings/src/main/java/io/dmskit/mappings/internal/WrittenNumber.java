package io.dmskit.mappings.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;

/**
 * A JSON number kept exactly as written ({@code 1e0}, {@code -0}, {@code 1E2147483648}, a thousand digits): never
 * converted to a Java number, so reading, comparing and writing it is linear in its length, cannot overflow and
 * writes back the same text. Two numbers are equal when their text is; {@link NumberCanon} gives the numeric
 * meaning when that is what matters.
 */
final class WrittenNumber extends ValueNode {
    private static final long serialVersionUID = 1L;

    private final String text;

    private WrittenNumber(String text) {
        this.text = text;
    }

    /**
     * @param text a JSON number exactly as written (checked by the parser or produced by {@code Long.toString})
     * @return the node
     */
    static WrittenNumber of(String text) {
        return new WrittenNumber(text);
    }

    /** @return whether the text has no fraction and no exponent */
    @Override
    public boolean isIntegralNumber() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return !isIntegralNumber();
    }

    @Override
    public JsonToken asToken() {
        return isIntegralNumber() ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.NUMBER;
    }

    /** @return the number exactly as written */
    @Override
    public String asText() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeNumber(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrittenNumber w && w.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
