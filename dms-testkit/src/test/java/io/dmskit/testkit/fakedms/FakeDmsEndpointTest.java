package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;

class FakeDmsEndpointTest {

    private final FakeDms dms = FakeDms.create();

    @Test
    @DisplayName("a MySQL endpoint echoes its connection in MySQLSettings, never the password, with DMS defaults")
    void mysqlEcho() {
        Endpoint e = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mysql")
                .serverName("db.example.com").port(3306).username("admin").password("top-secret")
                .mySQLSettings(m -> m.eventsPollInterval(5).serverTimezone("UTC"))).endpoint();
        assertThat(e.endpointTypeAsString()).isEqualTo("SOURCE");
        assertThat(e.engineDisplayName()).isEqualTo("MySQL");
        assertThat(e.sslModeAsString()).isEqualTo("none");
        assertThat(e.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat(e.endpointArn()).matches("arn:aws:dms:us-east-1:123456789012:endpoint:[A-Z2-7]{26}");
        assertThat(e.mySQLSettings().serverName()).isEqualTo("db.example.com");
        assertThat(e.mySQLSettings().port()).isEqualTo(3306);
        assertThat(e.mySQLSettings().username()).isEqualTo("admin");
        assertThat(e.mySQLSettings().eventsPollInterval()).isEqualTo(5);
        assertThat(e.mySQLSettings().password()).isNull();
        Endpoint described = dms.describeEndpoints().endpoints().get(0);
        assertThat(described).isEqualTo(e);
        assertThat(described.toString() + described.mySQLSettings()).doesNotContain("top-secret");
    }

    @Test
    @DisplayName("connection fields given only in the settings object appear at the top level too")
    void settingsToTopLevel() {
        Endpoint e = dms.createEndpoint(b -> b.endpointIdentifier("pg").endpointType("target").engineName("postgres")
                .postgreSQLSettings(p -> p.serverName("pg.local").port(5432).username("u").password("pw")
                        .databaseName("app"))).endpoint();
        assertThat(e.serverName()).isEqualTo("pg.local");
        assertThat(e.port()).isEqualTo(5432);
        assertThat(e.databaseName()).isEqualTo("app");
        assertThat(e.postgreSQLSettings().password()).isNull();
    }

    @Test
    @DisplayName("an S3 endpoint echoes its settings with DMS's defaults and extra connection attributes")
    void s3Echo() {
        Endpoint e = dms.createEndpoint(b -> b.endpointIdentifier("s3").endpointType("target").engineName("s3")
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/r")
                .s3Settings(s -> s.bucketName("lake").bucketFolder("raw").dataFormat("parquet"))).endpoint();
        assertThat(e.s3Settings().serviceAccessRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/r");
        assertThat(e.s3Settings().csvDelimiter()).isEqualTo(",");
        assertThat(e.s3Settings().compressionTypeAsString()).isEqualTo("NONE");
        assertThat(e.extraConnectionAttributes()).contains("bucketFolder=raw;").contains("bucketName=lake;")
                .contains("dataFormat=parquet;");
    }

    @Test
    @DisplayName("ModifyEndpoint merges settings by default and replaces them with ExactSettings")
    void modifyMergeAndExact() {
        String arn = dms.createEndpoint(b -> b.endpointIdentifier("s3").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("lake").bucketFolder("raw").serviceAccessRoleArn("arn:aws:iam::1:role/r")
                        .timestampColumnName("ts"))).endpoint().endpointArn();
        Endpoint merged = dms.modifyEndpoint(b -> b.endpointArn(arn).s3Settings(s -> s.bucketFolder("v2")))
                .endpoint();
        assertThat(merged.s3Settings().bucketFolder()).isEqualTo("v2");
        assertThat(merged.s3Settings().timestampColumnName()).isEqualTo("ts");
        Endpoint exact = dms.modifyEndpoint(b -> b.endpointArn(arn).exactSettings(true)
                .s3Settings(s -> s.bucketName("lake2").serviceAccessRoleArn("arn:aws:iam::1:role/r"))).endpoint();
        assertThat(exact.s3Settings().bucketName()).isEqualTo("lake2");
        assertThat(exact.s3Settings().timestampColumnName()).isNull();
        assertThat(exact.s3Settings().bucketFolder()).isNull();
        assertThat(exact.endpointArn()).isEqualTo(arn);
    }

    @Test
    @DisplayName("ModifyEndpoint renames and changes the server; the KMS key stays")
    void modifyTopLevel() {
        Endpoint created = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mysql").serverName("a").port(3306).username("u").password("p")).endpoint();
        Endpoint modified = dms.modifyEndpoint(b -> b.endpointArn(created.endpointArn()).endpointIdentifier("src2")
                .serverName("b").sslMode("require")).endpoint();
        assertThat(modified.endpointIdentifier()).isEqualTo("src2");
        assertThat(modified.serverName()).isEqualTo("b");
        assertThat(modified.mySQLSettings().serverName()).isEqualTo("b");
        assertThat(modified.sslModeAsString()).isEqualTo("require");
        assertThat(modified.kmsKeyId()).isEqualTo(created.kmsKeyId());
        assertThat(modified.username()).isEqualTo("u");
    }

    @Test
    @DisplayName("DeleteEndpoint shows 'deleting', then the endpoint is gone and EndpointDeleted succeeds")
    void delete() {
        String arn = Fixtures.mysqlSource(dms, "src");
        assertThat(dms.deleteEndpoint(b -> b.endpointArn(arn)).endpoint().status()).isEqualTo("deleting");
        dms.waiter().waitUntilEndpointDeleted(b -> b.filters(Fixtures.filter("endpoint-arn", arn)));
        assertThat(dms.describeEndpoints().endpoints()).isEmpty();
    }

    @Test
    @DisplayName("a database endpoint named without a port gets the engine's usual port")
    void defaultPort() {
        Endpoint e = dms.createEndpoint(b -> b.endpointIdentifier("pg").endpointType("source").engineName("postgres")
                .serverName("pg.local").username("u").password("p").databaseName("app")).endpoint();
        assertThat(e.port()).isEqualTo(5432);
        assertThat(e.postgreSQLSettings().port()).isEqualTo(5432);
    }

    @Test
    @DisplayName("extra connection attributes fill the engine's settings object, as DMS reads them")
    void extraConnectionAttributes() {
        Endpoint e = dms.createEndpoint(b -> b.endpointIdentifier("s3").endpointType("target").engineName("s3")
                .extraConnectionAttributes("bucketName=lake;bucketFolder=raw;dataFormat=parquet;"
                        + "datePartitionEnabled=true;unknownKey=1;serviceAccessRoleArn=arn:aws:iam::1:role/r"))
                .endpoint();
        assertThat(e.s3Settings().bucketName()).isEqualTo("lake");
        assertThat(e.s3Settings().bucketFolder()).isEqualTo("raw");
        assertThat(e.s3Settings().dataFormatAsString()).isEqualTo("parquet");
        assertThat(e.s3Settings().datePartitionEnabled()).isTrue();
        assertThat(e.serviceAccessRoleArn()).isEqualTo("arn:aws:iam::1:role/r");
        assertThat(e.extraConnectionAttributes()).contains("unknownKey=1");
        Endpoint mysql = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mysql").serverName("h").port(3306).username("u").password("p")
                .extraConnectionAttributes("eventsPollInterval=7;serverTimezone=UTC")).endpoint();
        assertThat(mysql.mySQLSettings().eventsPollInterval()).isEqualTo(7);
        assertThat(mysql.mySQLSettings().serverTimezone()).isEqualTo("UTC");
    }
}
