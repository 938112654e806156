package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CSV DMS writes to an S3 target: {@code CsvDelimiter} between fields and {@code CsvRowDelimiter} after each
 * record (both may be several characters), with {@code Rfc4180} a field is double-quoted when it holds the quote, a
 * line break or a character of either delimiter (embedded quotes doubled), NULL is written as {@code CsvNullValue}
 * (empty by default, so NULL and the empty string look alike, as in DMS's own output), an optional header row
 * ({@code AddColumnName}) naming the Op column, the {@code TimestampColumnName} column and the table's columns, and
 * {@code CsvNoSupValue} for columns missing from the supplemental log.
 *
 * <pre>{@code
 * CsvDialect csv = settings.csvDialect();
 * StringBuilder line = new StringBuilder();
 * csv.appendRecord(line, List.of("I", "42", "Smith, Bob"));   // I,42,"Smith, Bob"\n
 * long rows = csv.reader().scan(in, 0, null);
 * }</pre>
 */
public final class CsvDialect {

    /** The quote character of Rfc4180. */
    public static final char QUOTE = '"';

    private final String delimiter;
    private final String rowDelimiter;
    private final boolean rfc4180;
    private final String nullValue;
    private final boolean header;
    private final String timestampColumn;
    private final String noSupValue;

    private CsvDialect(String delimiter, String rowDelimiter, boolean rfc4180, String nullValue, boolean header,
                       String timestampColumn, String noSupValue) {
        this.delimiter = Args.required(delimiter, "CsvDialect: delimiter");
        this.rowDelimiter = Args.required(rowDelimiter, "CsvDialect: rowDelimiter");
        this.nullValue = Args.required(nullValue, "CsvDialect: nullValue");
        if (delimiter.isEmpty() || rowDelimiter.isEmpty() || delimiter.equals(rowDelimiter)) {
            throw new CsvFormatException(null, "CsvDialect: delimiter and rowDelimiter must be non-empty and differ", null);
        }
        this.rfc4180 = rfc4180;
        this.header = header;
        this.timestampColumn = timestampColumn;
        this.noSupValue = noSupValue;
    }

    /**
     * A dialect from all its settings; {@code S3OutputSettings.csvDialect()} gives the one of an S3 target.
     *
     * @param delimiter CsvDelimiter, the characters themselves
     * @param rowDelimiter CsvRowDelimiter, the characters themselves
     * @param rfc4180 Rfc4180
     * @param nullValue CsvNullValue
     * @param header AddColumnName: each file starts with a header row
     * @param timestampColumn TimestampColumnName, or null for none
     * @param noSupValue CsvNoSupValue, or null when UseCsvNoSupValue is off
     * @return the dialect
     */
    public static CsvDialect of(String delimiter, String rowDelimiter, boolean rfc4180, String nullValue,
                                boolean header, String timestampColumn, String noSupValue) {
        return new CsvDialect(delimiter, rowDelimiter, rfc4180, nullValue, header, timestampColumn, noSupValue);
    }

    /**
     * A dialect from its four core settings, without header row, timestamp column or CsvNoSupValue.
     *
     * @param delimiter CsvDelimiter, the characters themselves
     * @param rowDelimiter CsvRowDelimiter, the characters themselves
     * @param rfc4180 Rfc4180
     * @param nullValue CsvNullValue
     * @return the dialect
     */
    public static CsvDialect of(String delimiter, String rowDelimiter, boolean rfc4180, String nullValue) {
        return new CsvDialect(delimiter, rowDelimiter, rfc4180, nullValue, false, null, null);
    }

    /** {@return the field delimiter} */
    public String delimiter() {
        return delimiter;
    }

    /** {@return the row delimiter} */
    public String rowDelimiter() {
        return rowDelimiter;
    }

    /** {@return whether fields are quoted (Rfc4180)} */
    public boolean rfc4180() {
        return rfc4180;
    }

    /** {@return the text written for NULL} */
    public String nullValue() {
        return nullValue;
    }

    /** {@return whether each file starts with a header row (AddColumnName)} */
    public boolean headerRow() {
        return header;
    }

    /** {@return the TimestampColumnName column, if any} */
    public Optional<String> timestampColumn() {
        return Optional.ofNullable(timestampColumn);
    }

    /** {@return the CsvNoSupValue, if UseCsvNoSupValue is set} */
    public Optional<String> noSupValue() {
        return Optional.ofNullable(noSupValue);
    }

    /**
     * The fields of a record as DMS lays them out: the Op field (when the file has one), the timestamp column (when
     * TimestampColumnName is set), then the table's columns.
     *
     * @param op the Op field value ({@code I}, {@code U}, {@code D}), or null when the file has no Op field
     * @param timestamp the timestamp column's text (ignored without TimestampColumnName)
     * @param values the table's values as text, null for NULL
     * @return the record's fields
     */
    public List<String> layout(String op, String timestamp, List<String> values) {
        List<String> out = new ArrayList<>(Args.required(values, "CsvDialect.layout: values").size() + 2);
        if (op != null) {
            out.add(op);
        }
        if (timestampColumn != null) {
            out.add(timestamp);
        }
        out.addAll(values);
        return out;
    }

    /**
     * {@return the header row's fields: {@code Op}, the timestamp column, the columns}
     *
     * @param opField whether the file's records start with the Op field
     * @param columns the table's column names
     */
    public List<String> header(boolean opField, List<String> columns) {
        return layout(opField ? "Op" : null, timestampColumn, Args.required(columns, "CsvDialect.header: columns"));
    }

    /**
     * Appends one field's text (no delimiter).
     *
     * @param out where the record is built
     * @param value the field, null for NULL
     */
    public void appendField(StringBuilder out, String value) {
        Args.required(out, "CsvDialect.appendField: out");
        if (value == null) {
            out.append(nullValue);
        } else if (rfc4180 && needsQuotes(value)) {
            out.append(QUOTE);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == QUOTE) {
                    out.append(QUOTE);
                }
                out.append(c);
            }
            out.append(QUOTE);
        } else {
            out.append(value);
        }
    }

    /**
     * Appends CsvNoSupValue (a column the supplemental log did not carry), or NULL when it is not set.
     *
     * @param out where the record is built
     */
    public void appendNotSupplied(StringBuilder out) {
        Args.required(out, "CsvDialect.appendNotSupplied: out");
        if (noSupValue == null) {
            out.append(nullValue);
        } else {
            appendField(out, noSupValue);
        }
    }

    /**
     * Appends the field delimiter.
     *
     * @param out where the record is built
     */
    public void appendDelimiter(StringBuilder out) {
        Args.required(out, "CsvDialect.appendDelimiter: out");
        out.append(delimiter);
    }

    /**
     * Appends the row delimiter.
     *
     * @param out where the record is built
     */
    public void appendRowEnd(StringBuilder out) {
        Args.required(out, "CsvDialect.appendRowEnd: out");
        out.append(rowDelimiter);
    }

    /**
     * Appends a whole record, fields then the row delimiter.
     *
     * @param out where the text goes
     * @param fields the fields, null for NULL
     */
    public void appendRecord(StringBuilder out, List<String> fields) {
        Args.required(out, "CsvDialect.appendRecord: out");
        Args.required(fields, "CsvDialect.appendRecord: fields");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            appendField(out, fields.get(i));
        }
        out.append(rowDelimiter);
    }

    /**
     * {@return the record's text, ending in the row delimiter}
     *
     * @param fields the fields, null for NULL
     */
    public String format(List<String> fields) {
        StringBuilder out = new StringBuilder();
        appendRecord(out, fields);
        return out.toString();
    }

    /**
     * Whether a value must be quoted under Rfc4180: it holds the quote, a line break, or any character of either
     * delimiter (for one-character delimiters this is "holds a delimiter"; for longer ones it also covers a value
     * whose end and the following delimiter would read as a delimiter).
     *
     * @param value the field's text
     * @return whether it is quoted
     */
    public boolean needsQuotes(String value) {
        Args.required(value, "CsvDialect.needsQuotes: value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == QUOTE || c == '\n' || c == '\r' || delimiter.indexOf(c) >= 0 || rowDelimiter.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@return a streaming reader of this dialect} */
    public CsvReader reader() {
        return new CsvReader(delimiter.getBytes(StandardCharsets.UTF_8),
                rowDelimiter.getBytes(StandardCharsets.UTF_8), rfc4180 ? QUOTE : -1,
                nullValue.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvDialect d && delimiter.equals(d.delimiter) && rowDelimiter.equals(d.rowDelimiter)
                && rfc4180 == d.rfc4180 && nullValue.equals(d.nullValue) && header == d.header
                && Objects.equals(timestampColumn, d.timestampColumn) && Objects.equals(noSupValue, d.noSupValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, rowDelimiter, rfc4180, nullValue, header, timestampColumn, noSupValue);
    }

    @Override
    public String toString() {
        return "CsvDialect{delimiter=" + escape(delimiter) + ", rowDelimiter=" + escape(rowDelimiter) + ", rfc4180="
                + rfc4180 + ", null=" + escape(nullValue) + (header ? ", header" : "") + "}";
    }

    private static String escape(String v) {
        return "'" + v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
