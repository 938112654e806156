/** Not API: the AWS calls behind {@link io.dmskit.observe.DmsObserver}. */
package io.dmskit.observe.internal;
