/** The CDC probe's options and per-operation results. */
package io.dmskit.verify.probe;
