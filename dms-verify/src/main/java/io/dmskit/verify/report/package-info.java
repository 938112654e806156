/** Per-table results, statuses, DMS table statistics and the CDC-lag tolerance. */
package io.dmskit.verify.report;
