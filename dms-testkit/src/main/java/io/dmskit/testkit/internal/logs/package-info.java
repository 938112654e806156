/**
 * Internal: the state and rules behind {@code FakeCloudWatchLogs} (log groups, streams, events, GetLogEvents tokens,
 * filter patterns). Not API.
 */
package io.dmskit.testkit.internal.logs;
