/**
 * Values of transformation rules: a column's {@link io.dmskit.mappings.transformation.DataType}, a
 * {@link io.dmskit.mappings.transformation.PrimaryKeyDef} and a {@link io.dmskit.mappings.transformation.BeforeImageDef}.
 */
package io.dmskit.mappings.transformation;
