/**
 * CloudWatch alarms on a pipeline's tasks ({@link io.dmskit.core.alarm.CdcLatencyAlarm},
 * {@link io.dmskit.core.alarm.TaskStateAlarm}), provisioned by {@link io.dmskit.core.DmsProvisioner}.
 */
package io.dmskit.core.alarm;
