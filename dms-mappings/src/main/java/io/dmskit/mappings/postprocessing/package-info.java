/** Values of post-processing rules: the S3 object {@link io.dmskit.mappings.postprocessing.Tag}s of {@code add-tag}. */
package io.dmskit.mappings.postprocessing;
