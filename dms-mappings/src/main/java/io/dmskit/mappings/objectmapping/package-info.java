/**
 * Values of object-mapping rules (Kinesis, DynamoDB, Kafka targets): the action, the
 * {@link io.dmskit.mappings.objectmapping.MappingParameters} and their attribute mappings.
 */
package io.dmskit.mappings.objectmapping;
