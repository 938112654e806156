/**
 * JSON helpers that need nothing else of dmskit: task-settings documents compared by meaning and lenient reading of
 * the values DMS echoes. Not API: may change.
 */
package io.dmskit.core.internal.json;
