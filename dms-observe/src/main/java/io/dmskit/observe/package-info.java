/**
 * Observe and operate running DMS pipelines: {@link io.dmskit.observe.DmsObserver} (discovery by name pattern and
 * tags, task snapshots with CloudWatch metrics, task logs, sensors).
 */
package io.dmskit.observe;
