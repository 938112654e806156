package io.dmskit.core.internal;

import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.alarm.Alarm;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;

/**
 * A pipeline's CloudWatch alarms: planned against {@code DescribeAlarms}, put with {@code PutMetricAlarm} (an upsert)
 * only when different, deleted with {@code DeleteAlarms}. The task dimension is the task's resource id (the last part
 * of its ARN), so an alarm is resolved after its task exists. Each alarm's description ends with
 * {@code [dmskit:pipeline=<name>]} (DescribeAlarms returns descriptions, not tags), and the alarm is tagged with it
 * too; alarms the pipeline no longer defines are found among the alarms whose names start with the pipeline's name
 * and whose description ends with that marker.
 */
final class AlarmSync {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");
    private static final String NAMESPACE = "AWS/DMS";
    private static final String UNKNOWN = "(known after apply)";

    private final CloudWatchClient cloudWatch;
    private final DatabaseMigrationClient dms;
    private final AwsCaller aws;

    /**
     * @param cloudWatch the CloudWatch client, or null
     * @param dms the DMS client
     * @param aws retrying caller
     */
    AlarmSync(CloudWatchClient cloudWatch, DatabaseMigrationClient dms, AwsCaller aws) {
        this.cloudWatch = cloudWatch;
        this.dms = dms;
        this.aws = aws;
    }

    /**
     * @param p a pipeline
     * @param operation what the caller is doing
     * @throws InvalidDefinitionException when the pipeline defines alarms and no CloudWatch client was given
     */
    void requireClient(Pipeline p, String operation) {
        if (cloudWatch == null && !p.alarms().isEmpty()) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsProvisioner." + operation,
                "cloudWatch", "pipeline '" + p.name() + "' defines " + p.alarms().size() + " CloudWatch alarm(s) "
                    + p.alarms().stream().map(Alarm::name).toList()
                    + ": build the provisioner with DmsProvisioner.builder().cloudWatch(client)")));
        }
    }

    /**
     * @param p pipeline
     * @return one change per alarm (no-ops included), then the removals
     */
    List<ResourceChange> plan(Pipeline p) {
        if (cloudWatch == null) {
            return List.of();
        }
        Map<String, String> taskArns = taskArns(p);
        Map<String, MetricAlarm> actual = actual(p);
        List<ResourceChange> out = new ArrayList<>();
        for (Alarm a : p.alarms()) {
            Map<String, String> desired = render(p, a, taskArns.get(a.task()));
            MetricAlarm m = actual.get(a.name());
            if (m == null) {
                out.add(new ResourceChange(ResourceKind.ALARM, a.name(), ChangeAction.CREATE, null,
                    desired.entrySet().stream().map(e -> FieldDiff.of(e.getKey(), null, e.getValue())).toList(),
                    List.of()));
            } else {
                List<FieldDiff> diffs = diff(render(m), desired);
                out.add(new ResourceChange(ResourceKind.ALARM, a.name(), diffs.isEmpty() ? ChangeAction.NO_OP
                    : ChangeAction.MODIFY, m.stateValueAsString(), diffs, List.of()));
            }
        }
        for (MetricAlarm m : removed(p, actual)) {
            out.add(new ResourceChange(ResourceKind.ALARM, m.alarmName(), ChangeAction.DELETE,
                m.stateValueAsString(), List.of(), List.of("no longer defined in the pipeline")));
        }
        return out;
    }

    /**
     * Puts every alarm that differs from CloudWatch, deletes the ones the pipeline dropped (when allowed).
     *
     * @param p pipeline (its tasks exist)
     * @param allowDeletes whether dropped alarms are deleted
     * @return the changed alarms, as {@code alarm:<name>} keys
     */
    List<String> apply(Pipeline p, boolean allowDeletes) {
        requireClient(p, "apply");
        if (cloudWatch == null) {
            return List.of();
        }
        Map<String, String> taskArns = taskArns(p);
        Map<String, MetricAlarm> actual = actual(p);
        List<String> done = new ArrayList<>();
        for (Alarm a : p.alarms()) {
            String arn = taskArns.get(a.task());
            if (arn == null) {
                LOG.warn("alarm '{}' not put: task '{}' does not exist in DMS", a.name(), a.task());
                continue;
            }
            MetricAlarm m = actual.get(a.name());
            if (m != null && diff(render(m), render(p, a, arn)).isEmpty()) {
                continue;
            }
            PutMetricAlarmRequest req = request(p, a, arn);
            aws.call("PutMetricAlarm", a.name(), () -> cloudWatch.putMetricAlarm(req));
            LOG.info("alarm '{}' {} on task '{}' ({} {} {} {})", a.name(), m == null ? "created" : "updated", a.task(),
                a.metricName(), a.statistic(), a.comparisonOperator(), a.threshold());
            done.add("alarm:" + a.name());
        }
        if (allowDeletes) {
            List<String> gone = removed(p, actual).stream().map(MetricAlarm::alarmName).toList();
            if (!gone.isEmpty()) {
                delete(gone);
                gone.forEach(n -> done.add("alarm:" + n));
            }
        }
        return done;
    }

    /**
     * @param p pipeline
     * @return a delete entry per alarm of the pipeline that exists
     */
    List<ResourceChange> planDestroy(Pipeline p) {
        if (cloudWatch == null) {
            return List.of();
        }
        return actual(p).values().stream().filter(m -> p.alarm(m.alarmName()).isPresent())
            .map(m -> new ResourceChange(ResourceKind.ALARM, m.alarmName(), ChangeAction.DELETE,
                m.stateValueAsString(), List.of(), List.of())).toList();
    }

    /**
     * @param p pipeline
     * @return the deleted alarms, as {@code alarm:<name>} keys
     */
    List<String> destroy(Pipeline p) {
        requireClient(p, "destroy");
        List<String> names = planDestroy(p).stream().map(ResourceChange::identifier).toList();
        if (names.isEmpty()) {
            return List.of();
        }
        delete(names);
        return names.stream().map(n -> "alarm:" + n).toList();
    }

    private void delete(List<String> names) {
        for (int i = 0; i < names.size(); i += 100) {
            List<String> slice = names.subList(i, Math.min(names.size(), i + 100));
            aws.call("DeleteAlarms", String.join(",", slice), () -> cloudWatch.deleteAlarms(b -> b.alarmNames(slice)));
            LOG.info("alarms deleted: {}", slice);
        }
    }

    private Map<String, String> taskArns(Pipeline p) {
        List<String> ids = p.alarms().stream().map(Alarm::task).distinct().toList();
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try {
            String marker = null;
            do {
                String m = marker;
                var r = aws.call("DescribeReplicationTasks", String.join(",", ids), () -> dms.describeReplicationTasks(b
                    -> b.filters(Filter.builder().name("replication-task-id").values(ids).build()).withoutSettings(true)
                    .marker(m)));
                r.replicationTasks().forEach(t -> out.put(t.replicationTaskIdentifier(), t.replicationTaskArn()));
                marker = r.marker();
            } while (marker != null && !marker.isEmpty());
        } catch (io.dmskit.core.exception.DmsKitException e) {
            if (!"ResourceNotFoundFault".equals(e.awsErrorCode().orElse(null))) {
                throw e;
            }
        }
        return out;
    }

    /** The pipeline's alarms by name, and every alarm whose name starts with the pipeline's name. */
    private Map<String, MetricAlarm> actual(Pipeline p) {
        Map<String, MetricAlarm> out = new LinkedHashMap<>();
        List<String> names = p.alarms().stream().map(Alarm::name).toList();
        for (int i = 0; i < names.size(); i += 100) {
            List<String> slice = names.subList(i, Math.min(names.size(), i + 100));
            describe(b -> b.alarmNames(slice), out);
        }
        describe(b -> b.alarmNamePrefix(p.name()), out);
        return out;
    }

    private void describe(java.util.function.Consumer<
        software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest.Builder> filter,
                          Map<String, MetricAlarm> out) {
        String token = null;
        do {
            String t = token;
            DescribeAlarmsResponse r = aws.call("DescribeAlarms", "alarms", () -> cloudWatch.describeAlarms(b -> {
                filter.accept(b);
                b.nextToken(t);
            }));
            r.metricAlarms().forEach(m -> out.put(m.alarmName(), m));
            token = r.nextToken();
        } while (token != null);
    }

    private List<MetricAlarm> removed(Pipeline p, Map<String, MetricAlarm> actual) {
        String marker = marker(p);
        return actual.values().stream().filter(m -> p.alarm(m.alarmName()).isEmpty())
            .filter(m -> m.alarmDescription() != null && m.alarmDescription().endsWith(marker)).toList();
    }

    /** Ends the description of every alarm the pipeline puts: DescribeAlarms returns descriptions, not tags. */
    static String marker(Pipeline p) {
        return "[" + Validate.PIPELINE_TAG + "=" + p.name() + "]";
    }

    private static String description(Pipeline p, Alarm a) {
        return a.description().map(d -> d + " ").orElse("") + marker(p);
    }

    private static String instanceOf(Pipeline p, Alarm a) {
        return p.task(a.task()).map(ReplicationTask::replicationInstance).orElse("");
    }

    private PutMetricAlarmRequest request(Pipeline p, Alarm a, String taskArn) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key(Validate.PIPELINE_TAG).value(p.name()).build());
        a.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        return PutMetricAlarmRequest.builder().alarmName(a.name()).alarmDescription(description(p, a))
            .namespace(NAMESPACE).metricName(a.metricName()).statistic(a.statistic())
            .dimensions(Dimension.builder().name("ReplicationInstanceIdentifier").value(instanceOf(p, a)).build(),
                Dimension.builder().name("ReplicationTaskIdentifier").value(resourceId(taskArn)).build())
            .period((int) a.period().toSeconds()).evaluationPeriods(a.evaluationPeriods())
            .datapointsToAlarm(a.datapointsToAlarm()).threshold(a.threshold())
            .comparisonOperator(a.comparisonOperator()).treatMissingData(a.missingData().wireValue())
            .actionsEnabled(true).alarmActions(a.alarmActions()).okActions(a.okActions()).tags(tags).build();
    }

    private static String resourceId(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** The compared fields of a desired alarm (tags are set on create and update, not compared). */
    private static Map<String, String> render(Pipeline p, Alarm a, String taskArn) {
        Map<String, String> f = new TreeMap<>();
        f.put("AlarmDescription", description(p, a));
        f.put("Namespace", NAMESPACE);
        f.put("MetricName", a.metricName());
        f.put("Statistic", a.statistic());
        f.put("Dimensions", "ReplicationInstanceIdentifier=" + instanceOf(p, a) + ", ReplicationTaskIdentifier="
            + (taskArn == null ? UNKNOWN : resourceId(taskArn)));
        f.put("Period", Integer.toString((int) a.period().toSeconds()));
        f.put("EvaluationPeriods", Integer.toString(a.evaluationPeriods()));
        f.put("DatapointsToAlarm", Integer.toString(a.datapointsToAlarm()));
        f.put("Threshold", number(a.threshold()));
        f.put("ComparisonOperator", a.comparisonOperator());
        f.put("TreatMissingData", a.missingData().wireValue());
        f.put("AlarmActions", a.alarmActions().toString());
        f.put("OKActions", a.okActions().toString());
        return f;
    }

    private static Map<String, String> render(MetricAlarm m) {
        Map<String, String> f = new TreeMap<>();
        f.put("AlarmDescription", Objects.toString(m.alarmDescription(), ""));
        f.put("Namespace", Objects.toString(m.namespace(), ""));
        f.put("MetricName", Objects.toString(m.metricName(), ""));
        f.put("Statistic", Objects.toString(m.statisticAsString(), ""));
        Map<String, String> dims = new HashMap<>();
        m.dimensions().forEach(d -> dims.put(d.name(), d.value()));
        f.put("Dimensions", "ReplicationInstanceIdentifier=" + dims.getOrDefault("ReplicationInstanceIdentifier", "")
            + ", ReplicationTaskIdentifier=" + dims.getOrDefault("ReplicationTaskIdentifier", ""));
        f.put("Period", Objects.toString(m.period(), ""));
        f.put("EvaluationPeriods", Objects.toString(m.evaluationPeriods(), ""));
        f.put("DatapointsToAlarm", Objects.toString(m.datapointsToAlarm() == null ? m.evaluationPeriods()
            : m.datapointsToAlarm(), ""));
        f.put("Threshold", m.threshold() == null ? "" : number(m.threshold()));
        f.put("ComparisonOperator", Objects.toString(m.comparisonOperatorAsString(), ""));
        f.put("TreatMissingData", m.treatMissingData() == null ? "missing" : m.treatMissingData());
        f.put("AlarmActions", m.alarmActions().toString());
        f.put("OKActions", m.okActions().toString());
        return f;
    }

    private static List<FieldDiff> diff(Map<String, String> actual, Map<String, String> desired) {
        List<FieldDiff> out = new ArrayList<>();
        desired.forEach((k, v) -> {
            String a = actual.get(k);
            if (!Objects.equals(a, v) && !v.contains(UNKNOWN)) {
                out.add(FieldDiff.of(k, a, v));
            }
        });
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
