/**
 * Internal: the state and rules behind {@code FakeCloudWatch} (metric store, GetMetricData/GetMetricStatistics
 * aggregation, alarms and their evaluation on the virtual clock). Not API.
 */
package io.dmskit.testkit.internal.cloudwatch;
