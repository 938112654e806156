package io.dmskit.verify.content.heldout;

import io.dmskit.verify.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import javax.sql.DataSource;

@DisplayName("Held-out S3 targets from a PostgreSQL source: every setting variant, identical and corrupted")
class HeldOutPostgresS3Test extends HeldOutMatrix {

    private static final DataSource DB = TestDatabases.postgres();
    private static final HeldOutTable TABLE = HeldOutTable.postgres();
    private static String schema;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("s3heldout_pg");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.exec(DB, "CREATE TYPE " + schema + ".heldout_mood AS ENUM ('sad', 'ok', 'happy')");
        fill(DB, TABLE, schema, true);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, true);
    }

    static List<Variant> variants() {
        // the folder layout and CSV dialect variants do not depend on the source engine (the MariaDB test runs them
        // all); here the ones whose values differ: NULL and empty text, transaction files, padded CHAR, CsvNoSupValue
        List<String> csv = List.of("CSV defaults", "CsvNullValue NULL", "PreserveTransactions + CdcPath (CDC_TXN files)",
                "AddTrailingPaddingCharacter", "UseCsvNoSupValue + CsvNoSupValue", "CdcInsertsAndUpdates",
                "Rfc4180 false, tab delimiter");
        List<Variant> v = new java.util.ArrayList<>(HeldOutVariants.csvVariants().stream()
                .filter(x -> csv.contains(x.name())).toList());
        v.addAll(HeldOutVariants.parquetVariants());
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    @DisplayName("identical data is CONTENT_MATCH, every corruption is found with its key")
    void variant(Variant v) {
        check(v);
    }

    @Override
    protected HeldOutTable table() {
        return TABLE;
    }

    @Override
    protected DataSource source() {
        return DB;
    }

    @Override
    protected String schema() {
        return schema;
    }
}
