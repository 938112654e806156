package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.model.s3.CsvReader;
import io.dmskit.model.s3.S3OutputSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;

/** dms-model/README.md's example, run on an endpoint as DescribeEndpoints answers it and a two-row CSV file. */
class ModelReadmeTest {

    @Test
    void s3OutputSettingsExample() throws Exception {
        Endpoint endpoint = Endpoint.builder().endpointIdentifier("lake").engineName("s3")
                .s3Settings(s -> s.bucketName("lake").bucketFolder("hub")).build();
        InputStream in = new ByteArrayInputStream("1,apple\n2,pear\n".getBytes(StandardCharsets.UTF_8));
        // region readme:model-s3-output
        S3OutputSettings settings = S3OutputSettings.from(endpoint.s3Settings());
        String key = settings.objectNames().fullLoadKey("sales", "orders", 1);     // hub/sales/orders/LOAD00000001.csv
        long rows = settings.csvDialect().reader().scan(CsvReader.maybeGunzip(in), 0, null);
        // endregion
        assertThat(key).isEqualTo("hub/sales/orders/LOAD00000001.csv");
        assertThat(rows).isEqualTo(2);
    }
}
