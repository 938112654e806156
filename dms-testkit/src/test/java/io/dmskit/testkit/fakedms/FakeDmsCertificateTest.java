package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Certificate;
import software.amazon.awssdk.services.databasemigration.model.InvalidCertificateException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;

class FakeDmsCertificateTest {

    private final FakeDms dms = FakeDms.create();

    private static String pem() throws IOException {
        try (InputStream in = FakeDmsCertificateTest.class.getResourceAsStream("test-ca.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    @DisplayName("an imported PEM shows its validity and key; an endpoint using it blocks its deletion")
    void importUseDelete() throws IOException {
        String pem = pem();
        Certificate c = dms.importCertificate(b -> b.certificateIdentifier("rds-ca").certificatePem(pem))
                .certificate();
        assertThat(c.certificateArn()).startsWith("arn:aws:dms:us-east-1:123456789012:cert:");
        assertThat(c.validToDate()).isAfter(c.validFromDate());
        assertThat(c.keyLength()).isEqualTo(2048);
        assertThat(c.signingAlgorithm()).containsIgnoringCase("RSA");
        assertThat(dms.describeCertificates(b -> b.filters(Fixtures.filter("certificate-id", "rds-ca")))
                .certificates()).extracting(Certificate::certificateArn).containsExactly(c.certificateArn());
        String endpoint = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("postgres").serverName("h").port(5432).username("u").password("p").databaseName("d")
                .sslMode("verify-full").certificateArn(c.certificateArn())).endpoint().endpointArn();
        assertThatThrownBy(() -> dms.deleteCertificate(b -> b.certificateArn(c.certificateArn())))
                .isInstanceOf(InvalidResourceStateException.class);
        dms.deleteEndpoint(b -> b.endpointArn(endpoint));
        dms.describeEndpoints();
        dms.deleteCertificate(b -> b.certificateArn(c.certificateArn()));
        assertThat(dms.describeCertificates().certificates()).isEmpty();
    }

    @Test
    @DisplayName("a PEM that is not a certificate answers InvalidCertificateFault")
    void invalidPem() {
        assertThatThrownBy(() -> dms.importCertificate(b -> b.certificateIdentifier("bad")
                .certificatePem("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")))
                .isInstanceOfSatisfying(InvalidCertificateException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidCertificateFault"));
    }
}
