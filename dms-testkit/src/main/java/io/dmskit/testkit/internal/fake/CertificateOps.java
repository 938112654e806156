package io.dmskit.testkit.internal.fake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.model.Certificate;
import software.amazon.awssdk.services.databasemigration.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteCertificateResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeCertificatesRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeCertificatesResponse;
import software.amazon.awssdk.services.databasemigration.model.ImportCertificateRequest;
import software.amazon.awssdk.services.databasemigration.model.ImportCertificateResponse;

/**
 * ImportCertificate, DescribeCertificates, DeleteCertificate. A PEM certificate is parsed as X.509 (validity, signing
 * algorithm and key length come from it); an unreadable one answers {@code InvalidCertificateFault}.
 */
final class CertificateOps {

    private static final Page.Filters<Certificate> FILTERS = new Page.Filters<Certificate>()
            .one("certificate-arn", Certificate::certificateArn)
            .one("certificate-id", Certificate::certificateIdentifier);

    private final World w;
    private final TagOps tags;
    private final Map<String, Certificate> certificates = new LinkedHashMap<>();

    /** @param world state @param tags tags */
    public CertificateOps(World world, TagOps tags) {
        this.w = world;
        this.tags = tags;
    }

    /** ImportCertificate. */
    public ImportCertificateResponse importCertificate(ImportCertificateRequest r) {
        String id = Validate.identifier("CertificateIdentifier", r.certificateIdentifier(), 255);
        if ((r.certificatePem() == null) == (r.certificateWallet() == null)) {
            throw Errors.invalidParameter("Specify exactly one of CertificatePem and CertificateWallet.");
        }
        for (Certificate c : certificates.values()) {
            if (c.certificateIdentifier().equalsIgnoreCase(id)) {
                throw Errors.alreadyExists("Certificate " + id + " already exists.");
            }
        }
        String arn = w.arn("cert", w.newResourceId());
        Certificate.Builder b = Certificate.builder().certificateIdentifier(id).certificateArn(arn)
                .certificateCreationDate(w.now()).certificateOwner(w.accountId).kmsKeyId(r.kmsKeyId());
        if (r.certificatePem() != null) {
            X509Certificate x509;
            try {
                x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(r.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            } catch (CertificateException | ClassCastException e) {
                throw Errors.invalidCertificate("The certificate " + id + " is not a valid PEM-encoded X.509 "
                        + "certificate.");
            }
            b.certificatePem(r.certificatePem()).validFromDate(x509.getNotBefore().toInstant())
                    .validToDate(x509.getNotAfter().toInstant()).signingAlgorithm(x509.getSigAlgName());
            if (x509.getPublicKey() instanceof RSAPublicKey rsa) {
                b.keyLength(rsa.getModulus().bitLength());
            }
        } else {
            b.certificateWallet(r.certificateWallet());
        }
        Certificate c = b.build();
        tags.putInitial(arn, r.tags());
        certificates.put(arn, c);
        return ImportCertificateResponse.builder().certificate(c).build();
    }

    /** DescribeCertificates (filters certificate-arn, certificate-id). */
    public DescribeCertificatesResponse describe(DescribeCertificatesRequest r) {
        FILTERS.check(r.filters());
        List<Certificate> matched = new ArrayList<>();
        for (Certificate c : certificates.values()) {
            if (FILTERS.matches(r.filters(), c)) {
                matched.add(c);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No certificates found matching provided filters");
        }
        Page<Certificate> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeCertificatesResponse.builder().certificates(page.items).marker(page.nextMarker).build();
    }

    /** DeleteCertificate: refused while an endpoint uses the certificate. */
    public DeleteCertificateResponse delete(DeleteCertificateRequest r) {
        Validate.required("CertificateArn", r.certificateArn());
        Certificate c = certificates.get(r.certificateArn());
        if (c == null) {
            throw Errors.notFound("Certificate " + r.certificateArn() + " not found");
        }
        for (EndpointRecord e : w.endpoints.values()) {
            if (c.certificateArn().equals(e.model.certificateArn())) {
                throw Errors.invalidState("Certificate " + c.certificateArn() + " is in use by endpoint " + e.arn
                        + ".");
            }
        }
        certificates.remove(c.certificateArn());
        tags.forget(c.certificateArn());
        return DeleteCertificateResponse.builder().certificate(c).build();
    }
}
