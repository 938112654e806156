package io.dmskit.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 behaviours dmskit relies on (listing DMS output folders, reading Parquet footers with ranged GETs), run
 * against LocalS3 and, where moto_server is installed, against moto's S3: the in-JVM server must answer like
 * another implementation of the API.
 */
abstract class S3Conformance {

    /** @return a path-style client for the server under test */
    abstract S3Client client();

    private String bucket;

    @BeforeEach
    void createBucket() {
        bucket = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        client().createBucket(b -> b.bucket(bucket));
        for (String key : List.of("dms/shop/orders/LOAD00000001.csv", "dms/shop/orders/LOAD00000002.csv",
                "dms/shop/items/LOAD00000001.csv", "dms/hr/people/LOAD00000001.csv")) {
            client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("0123456789abcdef"));
        }
    }

    @AfterEach
    void deleteBucket() {
        List<ObjectIdentifier> ids = client().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        client().deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).build()));
        client().deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    @DisplayName("ListObjectsV2 lists keys in order, after StartAfter, in pages of MaxKeys")
    void listing() {
        assertThat(client().listObjectsV2(b -> b.bucket(bucket).prefix("dms/shop/")).contents())
                .extracting(S3Object::key).containsExactly("dms/shop/items/LOAD00000001.csv",
                        "dms/shop/orders/LOAD00000001.csv", "dms/shop/orders/LOAD00000002.csv");
        assertThat(client().listObjectsV2(b -> b.bucket(bucket).startAfter("dms/shop/orders/LOAD00000001.csv"))
                .contents()).extracting(S3Object::key).containsExactly("dms/shop/orders/LOAD00000002.csv");
        ListObjectsV2Response page = client().listObjectsV2(b -> b.bucket(bucket).maxKeys(3));
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.keyCount()).isEqualTo(3);
        assertThat(client().listObjectsV2(b -> b.bucket(bucket).continuationToken(page.nextContinuationToken()))
                .contents()).extracting(S3Object::key).containsExactly("dms/shop/orders/LOAD00000002.csv");
    }

    @Test
    @DisplayName("a delimiter gives the schema and table folders as common prefixes")
    void folders() {
        assertThat(client().listObjectsV2(b -> b.bucket(bucket).prefix("dms/").delimiter("/")).commonPrefixes())
                .extracting(CommonPrefix::prefix).containsExactly("dms/hr/", "dms/shop/");
    }

    @Test
    @DisplayName("ranged GETs: a byte range, a suffix range (footer reads) and the total size in Content-Range")
    void ranges() {
        String key = "dms/hr/people/LOAD00000001.csv";
        assertThat(client().getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=2-5")).asUtf8String())
                .isEqualTo("2345");
        var suffix = client().getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=-4"));
        assertThat(suffix.asUtf8String()).isEqualTo("cdef");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 12-15/16");
        assertThat(client().headObject(b -> b.bucket(bucket).key(key)).contentLength()).isEqualTo(16L);
    }

    @Test
    @DisplayName("a missing key is NoSuchKeyException")
    void missing() {
        assertThatThrownBy(() -> client().getObject(b -> b.bucket(bucket).key("nope")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
