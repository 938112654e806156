/**
 * Typed AWS DMS table mappings: the rule DSL ({@link io.dmskit.mappings.Rules}, {@link io.dmskit.mappings.TableMappings}),
 * JSON in and out exactly as DMS reads and writes it, offline validation that reports every problem at once, table
 * resolution ({@link io.dmskit.mappings.TableMappings#resolve(String, String)}) and semantic comparison and diff.
 *
 * <pre>{@code
 * TableMappings mappings = TableMappings.builder()
 *     .rule(Rules.include("ecommerce", "%"))                 // rule 1: include-ecommerce-all-tables
 *     .rule(Rules.exclude("ecommerce", "tmp[_]%"))
 *     .build();
 * String json = mappings.toJson();
 * }</pre>
 */
package io.dmskit.mappings;
