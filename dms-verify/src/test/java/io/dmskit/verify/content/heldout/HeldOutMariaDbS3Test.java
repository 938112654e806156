package io.dmskit.verify.content.heldout;

import io.dmskit.verify.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import javax.sql.DataSource;

@DisplayName("Held-out S3 targets from a MariaDB source: every setting variant, identical and corrupted")
class HeldOutMariaDbS3Test extends HeldOutMatrix {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final HeldOutTable TABLE = HeldOutTable.mariadb();
    private static String schema;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("s3heldout_my");
        TestDatabases.createSchema(DB, schema);
        fill(DB, TABLE, schema, false);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    static List<Variant> variants() {
        List<Variant> v = new java.util.ArrayList<>(HeldOutVariants.csvVariants());
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
