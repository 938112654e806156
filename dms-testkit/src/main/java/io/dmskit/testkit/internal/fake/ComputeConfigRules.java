package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;

/**
 * The rules of a serverless {@code ComputeConfig}, as the DMS API reference states them: MaxCapacityUnits required,
 * capacity units one of 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384, MinCapacityUnits defaulting to 1, no
 * AvailabilityZone with MultiAZ, at most four DNS name servers, a maintenance window {@code ddd:hh24:mi-ddd:hh24:mi}
 * of at least 30 minutes. Every problem is reported at once.
 */
final class ComputeConfigRules {

    /** The DCU values the API reference lists for MinCapacityUnits and MaxCapacityUnits. */
    static final List<Integer> CAPACITY_UNITS = List.of(1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384);
    /** The window DMS picks when none is given (the fake's fixed choice of DMS's random 30-minute window). */
    static final String DEFAULT_MAINTENANCE_WINDOW = "sun:06:00-sun:06:30";

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern WINDOW = Pattern.compile(
            "([a-zA-Z]{3}):([01]\\d|2[0-3]):([0-5]\\d)-([a-zA-Z]{3}):([01]\\d|2[0-3]):([0-5]\\d)");
    private static final int WEEK_MINUTES = 7 * 24 * 60;

    private ComputeConfigRules() {
    }

    /**
     * @param c the compute config of a create, or a modify merged onto the current one
     * @return the config as DMS stores it (MinCapacityUnits and PreferredMaintenanceWindow filled in)
     * @throws software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException
     *     InvalidParameterValueException naming every problem
     */
    static ComputeConfig check(ComputeConfig c) {
        if (c == null) {
            throw Errors.invalidParameter("The parameter ComputeConfig must be provided.");
        }
        List<String> problems = new ArrayList<>();
        Integer max = c.maxCapacityUnits();
        Integer min = c.minCapacityUnits();
        if (max == null) {
            problems.add("ComputeConfig.MaxCapacityUnits is required");
        } else if (!CAPACITY_UNITS.contains(max)) {
            problems.add("ComputeConfig.MaxCapacityUnits must be one of " + CAPACITY_UNITS + " (Received: " + max
                    + ")");
        }
        if (min != null && !CAPACITY_UNITS.contains(min)) {
            problems.add("ComputeConfig.MinCapacityUnits must be one of " + CAPACITY_UNITS + " (Received: " + min
                    + ")");
        } else if (min != null && max != null && min > max) {
            problems.add("ComputeConfig.MinCapacityUnits (" + min + ") must not be greater than MaxCapacityUnits ("
                    + max + ")");
        }
        if (Boolean.TRUE.equals(c.multiAZ()) && c.availabilityZone() != null) {
            problems.add("ComputeConfig.AvailabilityZone cannot be set when MultiAZ is true");
        }
        if (c.dnsNameServers() != null) {
            String[] servers = c.dnsNameServers().split(",", -1);
            if (servers.length > 4) {
                problems.add("ComputeConfig.DnsNameServers lists " + servers.length
                        + " name servers; at most 4 are allowed");
            }
            for (String s : servers) {
                if (s.isBlank()) {
                    problems.add("ComputeConfig.DnsNameServers must be a comma-separated list of addresses "
                            + "(Received: '" + c.dnsNameServers() + "')");
                    break;
                }
            }
        }
        if (c.preferredMaintenanceWindow() != null) {
            String problem = windowProblem(c.preferredMaintenanceWindow());
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter("Invalid ComputeConfig: " + String.join("; ", problems) + ".");
        }
        ComputeConfig.Builder b = c.toBuilder();
        if (min == null) {
            b.minCapacityUnits(1);
        }
        if (c.preferredMaintenanceWindow() == null) {
            b.preferredMaintenanceWindow(DEFAULT_MAINTENANCE_WINDOW);
        }
        return b.build();
    }

    private static String windowProblem(String window) {
        Matcher m = WINDOW.matcher(window);
        String format = "ComputeConfig.PreferredMaintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi with days Mon to "
                + "Sun, e.g. sun:06:00-sun:06:30 (Received: '" + window + "')";
        if (!m.matches()) {
            return format;
        }
        int fromDay = DAYS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
        int toDay = DAYS.indexOf(m.group(4).toLowerCase(Locale.ROOT));
        if (fromDay < 0 || toDay < 0) {
            return format;
        }
        int from = fromDay * 1440 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
        int to = toDay * 1440 + Integer.parseInt(m.group(5)) * 60 + Integer.parseInt(m.group(6));
        int length = Math.floorMod(to - from, WEEK_MINUTES);
        if (length < 30) {
            return "ComputeConfig.PreferredMaintenanceWindow must be at least 30 minutes long (Received: '" + window
                    + "')";
        }
        return null;
    }
}
