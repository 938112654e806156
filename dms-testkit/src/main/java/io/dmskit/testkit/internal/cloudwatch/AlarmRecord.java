package io.dmskit.testkit.internal.cloudwatch;

import java.time.Instant;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** One metric alarm: its configuration (as DescribeAlarms shows it, without state) and its evaluation state. */
final class AlarmRecord {
    MetricAlarm config;
    String state = "INSUFFICIENT_DATA";
    String reason = "Unchecked: Initial alarm creation";
    String reasonData;
    Instant stateUpdated;
    Instant stateTransitioned;
    /** The last evaluation instant (evaluations happen on every step boundary after it). */
    Instant lastEvaluated;

    MetricAlarm describe() {
        return config.toBuilder().stateValue(state).stateReason(reason).stateReasonData(reasonData)
                .stateUpdatedTimestamp(stateUpdated).stateTransitionedTimestamp(stateTransitioned).build();
    }
}
