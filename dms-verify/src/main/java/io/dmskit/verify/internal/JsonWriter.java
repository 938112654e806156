package io.dmskit.verify.internal;

/** A tiny streaming JSON writer with stable key order (the order of the calls). */
final class JsonWriter {

    private final StringBuilder sb = new StringBuilder();
    private boolean needComma;
    private int depth;

    JsonWriter beginObject() {
        comma();
        sb.append('{');
        depth++;
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        depth--;
        newline();
        sb.append('}');
        needComma = true;
        return this;
    }

    JsonWriter beginArray() {
        comma();
        sb.append('[');
        depth++;
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        depth--;
        newline();
        sb.append(']');
        needComma = true;
        return this;
    }

    JsonWriter name(String name) {
        comma();
        quote(name);
        sb.append(": ");
        needComma = false;
        return this;
    }

    JsonWriter value(String s) {
        comma();
        if (s == null) {
            sb.append("null");
        } else {
            quote(s);
        }
        needComma = true;
        return this;
    }

    JsonWriter value(long n) {
        comma();
        sb.append(n);
        needComma = true;
        return this;
    }

    JsonWriter value(double d) {
        comma();
        sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        needComma = true;
        return this;
    }

    JsonWriter value(boolean b) {
        comma();
        sb.append(b);
        needComma = true;
        return this;
    }

    JsonWriter nullValue() {
        comma();
        sb.append("null");
        needComma = true;
        return this;
    }

    JsonWriter field(String name, String v) {
        return name(name).value(v);
    }

    JsonWriter field(String name, long v) {
        return name(name).value(v);
    }

    JsonWriter field(String name, boolean v) {
        return name(name).value(v);
    }

    private void comma() {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ' && sb.length() > 1
                && sb.charAt(sb.length() - 2) == ':') {
            return; // value right after a name
        }
        if (needComma) {
            sb.append(',');
        }
        if (depth > 0) {
            newline();
        }
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(Math.max(0, depth)));
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
