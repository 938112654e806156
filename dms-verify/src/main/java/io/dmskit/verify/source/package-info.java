/** Source-side types: which source table, how it was counted ({@link io.dmskit.verify.source.CountMode}). */
package io.dmskit.verify.source;
