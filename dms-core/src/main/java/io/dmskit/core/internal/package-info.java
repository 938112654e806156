/** Implementation of the provisioner (state reading, diffing, the reconciler, retries). Not API: may change. */
package io.dmskit.core.internal;
