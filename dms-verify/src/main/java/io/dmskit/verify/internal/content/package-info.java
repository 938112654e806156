/**
 * Content verification internals: the canonical row form, the table shape and key ranges both sides are summarised
 * by, SQL checksums and bisection, DMS's value renderings and the S3 current-state reconstruction. Not public API.
 */
package io.dmskit.verify.internal.content;
