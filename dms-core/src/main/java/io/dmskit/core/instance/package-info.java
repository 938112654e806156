/** Replication instance vocabulary. */
package io.dmskit.core.instance;
