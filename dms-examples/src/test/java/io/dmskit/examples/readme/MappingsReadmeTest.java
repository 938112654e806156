package io.dmskit.examples.readme;

import static io.dmskit.mappings.Rules.*;
import static io.dmskit.mappings.FilterCondition.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** dms-mappings/README.md's example, run, with what its comments claim checked. */
class MappingsReadmeTest {

    @Test
    void dslExample() {
        // the mappings of a deployed task, as DescribeReplicationTasks answers (an older version: one rule)
        ReplicationTask task = ReplicationTask.builder().tableMappings("{\"rules\":[{\"rule-type\":\"selection\","
                + "\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"ecommerce\","
                + "\"table-name\":\"%\"},\"rule-action\":\"include\"}]}").build();
        // region readme:mappings-dsl
        TableMappings mappings = TableMappings.builder()
            .rule(include("ecommerce", "%"))                                   // rule 1: include-ecommerce-all-tables
            .rule(exclude("ecommerce", "tmp[_]%"))                             // [_] is a literal underscore
            .rule(include("hr", "employees").where("region", eq("EU"), eq("UK")).loadOrder(2))
            .rule(table("%", "%").addPrefix("schema_"))
            .rule(column("hr", "employees", "ssn").dataMaskingHashMask())
            .rule(addColumn("%", "%", "cdc_op", DataType.string(10)).expression("$AR_H_OPERATION"))
            .rule(tableSettings("hr", "employees").parallelLoad(ParallelLoad.partitionsAuto()))
            .build();                                                          // validates; throws with every problem

        String json = mappings.toJson();                                       // what CreateReplicationTask takes
        TableResolution r = mappings.resolve("hr", "employees");
        r.included();                                                          // true
        r.targetTable();                                                       // "schema_employees"
        r.sqlPredicate(SqlDialect.MYSQL);                                      // Optional[(`region` = 'EU' OR `region` = 'UK')]

        TableMappings echoed = TableMappings.fromJson(task.tableMappings());  // task: DescribeReplicationTasks' answer
        boolean changed = !echoed.sameMeaningAs(mappings);                     // ignores nulls, key order, "1" vs 1 ...
        mappings.diffFrom(echoed).lines().forEach(System.out::println);        // + rule 3 'exclude-...': {...}
        // endregion
        assertThat(json).contains("include-ecommerce-all-tables");
        assertThat(r.included()).isTrue();
        assertThat(r.targetTable()).isEqualTo("schema_employees");
        assertThat(r.sqlPredicate(SqlDialect.MYSQL)).hasValue("(`region` = 'EU' OR `region` = 'UK')");
        assertThat(changed).isTrue();
        assertThat(TableMappings.fromJson(json).sameMeaningAs(mappings)).isTrue();
    }
}
