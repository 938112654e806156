package io.dmskit.core.internal;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one validation helper of dms-core's builders (modelled on the AWS SDK's {@code Validate}). It implements the
 * null policy the package documentation states: setters store what they are given (null unsets an optional value,
 * null elements are kept), and {@code build()} reports every problem through these checks, each as a
 * {@link DefinitionProblem} naming DMS's field. Messages quote user values with {@link #show(String)}: control
 * characters escaped and long values shortened, so a hostile value never makes a message unreadable or huge.
 * Not API.
 */
public final class Validate {

    /** The tag dmskit puts on every resource a pipeline creates, valued with the pipeline's name. */
    public static final String PIPELINE_TAG = "dmskit:pipeline";

    /** Deepest nesting accepted in a JSON value given to {@code otherSection}/{@code otherField}. */
    public static final int MAX_JSON_DEPTH = 200;

    private static final int SHOW_MAX = 64;
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern KMS_KEY_ID = Pattern.compile("(mrk-)?[0-9a-fA-F-]{1,128}|alias/[A-Za-z0-9/_-]{1,250}");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern WINDOW = Pattern.compile("([A-Za-z]{3}):(\\d{2}):(\\d{2})-([A-Za-z]{3}):(\\d{2}):(\\d{2})");
    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private Validate() {
    }

    // ------------------------------------------------------------------------------------------ messages

    /**
     * @param value a user value, or null
     * @return the value quoted for a message: control characters escaped ({@code \u0007}), shortened to about 64
     *     characters with its length when longer
     */
    public static String show(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("'");
        int n = Math.min(value.length(), SHOW_MAX);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        s.append('\'');
        if (value.length() > SHOW_MAX) {
            s.insert(s.length() - 1, "...").append(" (").append(value.length()).append(" characters)");
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------ nulls

    /**
     * A spec ({@code Consumer<Builder>}) given to a static {@code of(...)} factory must not be null: there is no
     * builder to report it from later.
     *
     * @param spec the spec
     * @param what what the spec builds, for the message
     * @throws InvalidDefinitionException when spec is null
     */
    public static void requireSpec(Object spec, String what) {
        if (spec == null) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of(what, "the spec (Consumer) is null")));
        }
    }

    /**
     * @param values varargs as given (the array or some elements may be null)
     * @param <T> element type
     * @return a mutable copy keeping null elements (so that {@code build()} can report them), or null when the array
     *     itself is null (unset)
     */
    @SafeVarargs
    public static <T> List<T> copyOf(T... values) {
        return values == null ? null : new ArrayList<>(Arrays.asList(values));
    }

    /**
     * @param values a collection as given, or null
     * @param <T> element type
     * @return a mutable copy keeping null elements, or null when values is null (unset)
     */
    public static <T> List<T> copyOf(Collection<? extends T> values) {
        return values == null ? null : new ArrayList<>(values);
    }

    /**
     * Reports every null (or, through unchecked casts, non-String) element of a collection of Strings.
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param values the values (null: nothing to check)
     */
    public static void noNullElements(List<DefinitionProblem> problems, String field, Collection<?> values) {
        if (values == null) {
            return;
        }
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                problems.add(DefinitionProblem.of(field + "[" + i + "]", "is null"));
            } else if (!(v instanceof String)) {
                problems.add(DefinitionProblem.of(field + "[" + i + "]", "is a " + v.getClass().getName()
                    + ", not a String"));
            }
            i++;
        }
    }

    /**
     * For entry points with no builder to report from (methods, record constructors, static factories): a required
     * argument must not be null.
     *
     * @param value the argument
     * @param parameter the parameter's name, e.g. {@code pipeline}
     * @param where the entry point, e.g. {@code DmsProvisioner.apply}
     * @param <T> its type
     * @return value
     * @throws InvalidDefinitionException naming the parameter when value is null
     */
    public static <T> T requireArgument(T value, String parameter, String where) {
        if (value == null) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem(where, parameter, "is null")));
        }
        return value;
    }

    /**
     * For entry points with no builder to report from: a collection or array argument must not be null nor hold a
     * null element.
     *
     * @param values the elements (the array itself non-null; check it with {@link #requireArgument} first)
     * @param parameter the parameter's name
     * @param where the entry point
     * @throws InvalidDefinitionException naming each null element
     */
    public static void requireElements(Collection<?> values, String parameter, String where) {
        requireArgument(values, parameter, where);
        List<DefinitionProblem> problems = new ArrayList<>();
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                problems.add(new DefinitionProblem(where, parameter + "[" + i + "]", "is null"));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    /**
     * For methods that take a DMS identifier (a task's, an endpoint's): checks it as DMS does (letters, digits,
     * hyphens, beginning with a letter, no trailing or double hyphen, at most {@code maxLength}), so a value AWS
     * would refuse fails before any call.
     *
     * @param id the identifier
     * @param maxLength the longest allowed
     * @param parameter the parameter's name
     * @param where the entry point
     * @return id
     * @throws InvalidDefinitionException naming the parameter and every broken rule
     */
    public static String requireIdentifier(String id, int maxLength, String parameter, String where) {
        List<String> broken = io.dmskit.model.DmsIdentifiers.problems(id, maxLength);
        if (id == null) {
            requireArgument(null, parameter, where);
        }
        if (!broken.isEmpty()) {
            throw new InvalidDefinitionException(broken.stream()
                .map(b -> new DefinitionProblem(where, parameter, show(id) + " " + b)).toList());
        }
        return id;
    }

    /**
     * For a duration setting: reports null (when required), zero or negative values, and values longer than
     * {@code max}.
     *
     * @param problems where problems go
     * @param field the setting's name
     * @param value the duration (null: reported only when required)
     * @param required whether null is a problem
     * @param max the longest sensible value
     */
    public static void positiveDuration(List<DefinitionProblem> problems, String field, java.time.Duration value,
                                        boolean required, java.time.Duration max) {
        if (value == null) {
            if (required) {
                problems.add(DefinitionProblem.of(field, "is required"));
            }
        } else if (value.isNegative() || value.isZero()) {
            problems.add(DefinitionProblem.of(field, "must be positive, was " + value));
        } else if (value.compareTo(max) > 0) {
            problems.add(DefinitionProblem.of(field, "must be at most " + max + ", was " + value));
        }
    }

    // ------------------------------------------------------------------------------------------ text

    /**
     * @param c a character
     * @return whether it is a control character (C0, DEL, C1) or a line/paragraph separator
     */
    public static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /**
     * @param s text, or null
     * @return whether it contains a control character
     */
    public static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports control characters in a name DMS stores (server names, database names, user names, ...).
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the value (null: nothing to check)
     */
    public static void noControlCharacters(List<DefinitionProblem> problems, String field, String value) {
        if (hasControl(value)) {
            problems.add(DefinitionProblem.of(field, show(value) + " contains control characters"));
        }
    }

    /**
     * Reports a host name that DMS cannot connect to: with control characters or white space, or longer than a DNS
     * name (253 characters). Blank values are left to the check that requires the value.
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the host (null: nothing to check)
     */
    public static void hostName(List<DefinitionProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return; // missing or blank: reported where the value is required
        }
        if (hasControl(value) || value.chars().anyMatch(Character::isWhitespace)) {
            problems.add(DefinitionProblem.of(field, show(value) + " is not a host name or IP address "
                + "(it contains control characters or white space)"));
        } else if (value.length() > 253) {
            problems.add(DefinitionProblem.of(field, show(value) + " is longer than a host name can be (253)"));
        }
    }

    // ------------------------------------------------------------------------------------------ ARNs

    /**
     * Checks an ARN: {@code arn:partition:service:region:account-id:resource}, with the service and the start of
     * the resource checked where they are known.
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the ARN (null: nothing to check)
     * @param service the service the ARN must name (e.g. {@code iam}), or null for any
     * @param resourcePrefix how the resource part must begin (e.g. {@code role/}), or null for anything
     */
    public static void arn(List<DefinitionProblem> problems, String field, String value, String service,
                           String resourcePrefix) {
        String problem = arnProblem(value, service, resourcePrefix);
        if (problem != null) {
            problems.add(DefinitionProblem.of(field, problem));
        }
    }

    /**
     * @param value an ARN
     * @param service the service it must name, or null
     * @param resourcePrefix how its resource must begin, or null
     * @return what is wrong with it, or null when it is a well-formed ARN (or null)
     */
    public static String arnProblem(String value, String service, String resourcePrefix) {
        if (value == null) {
            return null;
        }
        String expected = "arn:aws:" + (service == null ? "<service>" : service) + ":"
            + ("iam".equals(service) ? "" : "<region>") + ":<account-id>:" + (resourcePrefix == null ? "<resource>"
            : resourcePrefix + "...");
        if (hasControl(value) || value.chars().anyMatch(Character::isWhitespace)) {
            return show(value) + " is not an ARN: it contains control characters or white space";
        }
        if (value.length() > 2048) {
            return show(value) + " is not an ARN: longer than 2048 characters";
        }
        String[] p = value.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn")) {
            return show(value) + " is not an ARN (" + expected + ")";
        }
        List<String> wrong = new ArrayList<>();
        if (!PARTITION.matcher(p[1]).matches()) {
            wrong.add("partition " + show(p[1]) + " (aws, aws-cn, aws-us-gov, ...)");
        }
        if (!SERVICE.matcher(p[2]).matches()) {
            wrong.add("service " + show(p[2]));
        } else if (service != null && !service.equals(p[2])) {
            wrong.add("service " + show(p[2]) + " (expected " + service + ")");
        }
        boolean global = "iam".equals(p[2]) || "s3".equals(p[2]);
        if (!(global ? p[3].isEmpty() : REGION.matcher(p[3]).matches())) {
            wrong.add("region " + show(p[3]) + (global ? " (IAM and S3 ARNs have none)" : " (e.g. us-east-1)"));
        }
        if (!("s3".equals(p[2]) ? p[4].isEmpty() : ACCOUNT.matcher(p[4]).matches())) {
            wrong.add("account id " + show(p[4]) + " (12 digits)");
        }
        if (p[5].isEmpty()) {
            wrong.add("resource (empty)");
        } else if (resourcePrefix != null && !p[5].startsWith(resourcePrefix)) {
            wrong.add("resource " + show(p[5]) + " (expected " + resourcePrefix + "...)");
        } else if (resourcePrefix != null && p[5].length() == resourcePrefix.length()) {
            wrong.add("resource (nothing after " + resourcePrefix + ")");
        }
        return wrong.isEmpty() ? null : show(value) + " is not a valid " + (service == null ? "" : service + " ")
            + "ARN (" + expected + "): wrong " + String.join(", ", wrong);
    }

    /**
     * @param problems where problems go
     * @param field DMS's field name
     * @param value an IAM role ARN (null: nothing to check)
     */
    public static void roleArn(List<DefinitionProblem> problems, String field, String value) {
        arn(problems, field, value, "iam", "role/");
    }

    /**
     * A KMS key given as a key ARN, alias ARN, key id or alias name.
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the key (null: nothing to check)
     */
    public static void kmsKey(List<DefinitionProblem> problems, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.startsWith("arn:")) {
            String p = arnProblem(value, "kms", null);
            if (p == null && !(value.split(":", 6)[5].startsWith("key/") || value.split(":", 6)[5].startsWith("alias/"))) {
                p = show(value) + " is not a KMS key or alias ARN (resource key/... or alias/...)";
            }
            if (p != null) {
                problems.add(DefinitionProblem.of(field, p));
            }
        } else if (!KMS_KEY_ID.matcher(value).matches()) {
            problems.add(DefinitionProblem.of(field, show(value) + " is not a KMS key: use a key ARN "
                + "(arn:aws:kms:<region>:<account-id>:key/<key-id>), a key id or alias/<name>"));
        }
    }

    /**
     * A Secrets Manager secret given as an ARN or a name.
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the secret id (null: nothing to check)
     */
    public static void secretId(List<DefinitionProblem> problems, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.startsWith("arn:")) {
            arn(problems, field, value, "secretsmanager", "secret:");
        } else {
            secretName(problems, field, value);
        }
    }

    /**
     * @param problems where problems go
     * @param field DMS's field name
     * @param value a Secrets Manager secret name (null: nothing to check)
     */
    public static void secretName(List<DefinitionProblem> problems, String field, String value) {
        if (value != null && !SECRET_NAME.matcher(value).matches()) {
            problems.add(DefinitionProblem.of(field, show(value) + " is not a Secrets Manager secret name "
                + "(1-512 ASCII letters, digits and / _ + = . @ -)"));
        }
    }

    /**
     * @param problems where problems go
     * @param field DMS's field name
     * @param value an AWS account id (null: nothing to check)
     */
    public static void accountId(List<DefinitionProblem> problems, String field, String value) {
        if (value != null && !ACCOUNT.matcher(value).matches()) {
            problems.add(DefinitionProblem.of(field, show(value) + " is not an AWS account id (12 digits)"));
        }
    }

    // ------------------------------------------------------------------------------------------ tags

    /**
     * Checks tags as DMS documents them ({@code Tag}): keys 1-128 characters, values 0-256, letters, digits, white
     * space and {@code _ . : / = + - @}; keys must not begin with {@code aws:} or {@code dms:} (reserved by AWS), nor
     * be {@code dmskit:pipeline} (set by dmskit from the pipeline's name); null keys and values are reported.
     *
     * @param problems where problems go
     * @param tags the tags as given (null keys and values possible)
     * @param reservedKey a key dmskit sets itself, or null
     */
    public static void tags(List<DefinitionProblem> problems, Map<?, ?> tags, String reservedKey) {
        for (Map.Entry<?, ?> e : tags.entrySet()) {
            if (e.getKey() != null && !(e.getKey() instanceof String) || e.getValue() != null && !(e.getValue() instanceof String)) {
                problems.add(DefinitionProblem.of("Tags", "tag keys and values must be Strings (found a "
                    + (e.getKey() instanceof String ? e.getValue() : e.getKey()).getClass().getName() + ")"));
                continue;
            }
            String k = (String) e.getKey();
            if (k == null) {
                problems.add(DefinitionProblem.of("Tags", "a tag key is null"));
                continue;
            }
            String field = "Tags." + (hasControl(k) || k.length() > SHOW_MAX ? show(k) : k);
            if (k.isEmpty() || k.length() > 128) {
                problems.add(DefinitionProblem.of(field, "a tag key must be 1-128 characters, it has " + k.length()));
            }
            if (!TAG_CHARS.matcher(k).matches()) {
                problems.add(DefinitionProblem.of(field, "tag key " + show(k) + " may contain only letters, digits, "
                    + "white space and _ . : / = + - @"));
            }
            String lower = k.toLowerCase(Locale.ROOT);
            if (lower.startsWith("aws:") || lower.startsWith("dms:")) {
                problems.add(DefinitionProblem.of(field, "tag keys beginning with aws: or dms: are reserved by AWS"));
            }
            if (k.equals(reservedKey)) {
                problems.add(DefinitionProblem.of(field, reservedKey + " is set by dmskit from the pipeline's name"));
            }
            String v = (String) e.getValue();
            if (v == null) {
                problems.add(DefinitionProblem.of(field, "the tag value is null (use removeTag(key) to remove a tag)"));
            } else {
                for (String p : tagValueProblems(v)) {
                    problems.add(DefinitionProblem.of(field, p));
                }
            }
        }
    }

    /**
     * @param value a tag value
     * @return what DMS would refuse in it (at most 256 characters of letters, digits, white space and
     *     {@code _ . : / = + - @}); empty when valid
     */
    public static List<String> tagValueProblems(String value) {
        List<String> out = new ArrayList<>();
        if (value.length() > 256) {
            out.add("a tag value must be at most 256 characters, " + show(value) + " has " + value.length());
        }
        if (!TAG_CHARS.matcher(value).matches()) {
            out.add("tag value " + show(value) + " may contain only letters, digits, white space and _ . : / = + - @");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ windows

    /**
     * Checks a weekly maintenance window as DMS documents {@code PreferredMaintenanceWindow}:
     * {@code ddd:hh24:mi-ddd:hh24:mi} in UTC, days {@code mon..sun}, hours 00-23, minutes 00-59, at least 30 minutes
     * long (a window may wrap the end of the week: {@code sun:23:45-mon:00:15}).
     *
     * @param problems where problems go
     * @param field DMS's field name
     * @param value the window (null: nothing to check)
     */
    public static void maintenanceWindow(List<DefinitionProblem> problems, String field, String value) {
        if (value == null) {
            return;
        }
        var m = WINDOW.matcher(value);
        if (value.length() > 64 || !m.matches()) {
            problems.add(DefinitionProblem.of(field, show(value)
                + " must look like ddd:hh24:mi-ddd:hh24:mi (UTC), e.g. sun:06:00-sun:06:30"));
            return;
        }
        List<String> wrong = new ArrayList<>();
        int start = minuteOfWeek(m.group(1), m.group(2), m.group(3), wrong);
        int end = minuteOfWeek(m.group(4), m.group(5), m.group(6), wrong);
        if (!wrong.isEmpty()) {
            problems.add(DefinitionProblem.of(field, show(value) + " has " + String.join(", ", wrong)));
            return;
        }
        int length = Math.floorMod(end - start, MINUTES_PER_WEEK);
        if (length < 30) {
            problems.add(DefinitionProblem.of(field, show(value) + " is " + length
                + " minutes long; DMS needs a window of at least 30 minutes"));
        }
    }

    private static int minuteOfWeek(String day, String hour, String minute, List<String> wrong) {
        int d = DAYS.indexOf(day.toLowerCase(Locale.ROOT));
        int h = Integer.parseInt(hour);
        int mi = Integer.parseInt(minute);
        if (d < 0) {
            wrong.add("day '" + day + "' (mon, tue, wed, thu, fri, sat or sun)");
        }
        if (h > 23) {
            wrong.add("hour " + hour + " (00-23)");
        }
        if (mi > 59) {
            wrong.add("minute " + minute + " (00-59)");
        }
        return (Math.max(d, 0) * 24 + h) * 60 + mi;
    }

    // ------------------------------------------------------------------------------------------ JSON values

    /**
     * @param value a value meant to be written into task-settings JSON
     * @return what makes it impossible to write as JSON, or null when it is a JSON value: null, String, Boolean, a
     *     finite Number of a standard type, a List of JSON values or a Map with String keys and JSON values, nested
     *     at most {@link #MAX_JSON_DEPTH} deep, without cycles
     */
    public static String jsonValueProblem(Object value) {
        return jsonProblem(value, 0, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String jsonProblem(Object v, int depth, Set<Object> path) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return null;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d + " is not a JSON number" : null;
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f + " is not a JSON number" : null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            || v instanceof BigInteger || v instanceof BigDecimal) {
            return null;
        }
        if (depth >= MAX_JSON_DEPTH) {
            return "nested deeper than " + MAX_JSON_DEPTH + " levels";
        }
        if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
            if (!path.add(v)) {
                return "contains itself";
            }
            try {
                if (v instanceof Collection<?> c) {
                    for (Object o : c) {
                        String p = jsonProblem(o, depth + 1, path);
                        if (p != null) {
                            return p;
                        }
                    }
                } else {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                        if (!(e.getKey() instanceof String)) {
                            return "has a member name that is not a String (" + (e.getKey() == null ? "null"
                                : e.getKey().getClass().getSimpleName()) + ")";
                        }
                        String p = jsonProblem(e.getValue(), depth + 1, path);
                        if (p != null) {
                            return p;
                        }
                    }
                }
            } finally {
                path.remove(v);
            }
            return null;
        }
        return "a " + v.getClass().getName() + " is not a JSON value (String, Number, Boolean, List or Map)";
    }

    /**
     * A builder's {@code otherField(key, value)}: sets, or with a null value removes, a member dmskit does not model;
     * a null key or a value that is not JSON is kept in {@code rejected} and reported by {@code build()}.
     *
     * @param otherFields the builder's unmodelled members
     * @param rejected the builder's problems, by field
     * @param section the section's wire name (e.g. {@code FullLoadSettings})
     * @param key the member name
     * @param value the value, or null to remove the member
     */
    public static void putOtherField(Map<String, Object> otherFields, Map<String, DefinitionProblem> rejected,
                                     String section, String key, Object value) {
        String field = section + "." + key;
        rejected.remove(field);
        if (key == null) {
            rejected.put(field, DefinitionProblem.of(section, "otherField: the member name is null"));
            return;
        }
        if (value == null) {
            otherFields.remove(key);
            return;
        }
        String problem = jsonValueProblem(value);
        if (problem != null) {
            rejected.put(field, DefinitionProblem.of(field, "cannot be written as JSON: " + problem));
            return;
        }
        otherFields.put(key, value);
    }
}
