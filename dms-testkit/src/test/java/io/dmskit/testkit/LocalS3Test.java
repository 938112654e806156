package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

@DisplayName("LocalS3: an in-process S3 server reached by the real SDK client over HTTP")
class LocalS3Test {

    private static LocalS3 s3;

    @BeforeAll
    static void start() {
        s3 = LocalS3.started();
    }

    @AfterAll
    static void stop() {
        s3.stop();
    }

    @Test
    @DisplayName("serves a real HTTP endpoint on a random local port")
    void endpointIsLocalHttp() {
        assertThat(s3.endpoint().getScheme()).isEqualTo("http");
        assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(s3.port()).isPositive().isNotIn(9090, 9191);
        assertThat(s3.isRunning()).isTrue();
    }

    @Test
    @DisplayName("put, get and list objects round-trip through the SDK client")
    void putGetList() {
        S3Client client = s3.client();
        s3.createBucket("round-trip");
        client.putObject(b -> b.bucket("round-trip").key("dir/a.csv"), RequestBody.fromString("1,alpha\n"));
        client.putObject(b -> b.bucket("round-trip").key("dir/b.csv"), RequestBody.fromString("2,beta\n"));
        String body = client.getObjectAsBytes(b -> b.bucket("round-trip").key("dir/b.csv")).asUtf8String();
        assertThat(body).isEqualTo("2,beta\n");
        ListObjectsV2Response list = client.listObjectsV2(b -> b.bucket("round-trip").prefix("dir/"));
        assertThat(list.contents()).extracting(S3Object::key).containsExactly("dir/a.csv", "dir/b.csv");
        assertThat(list.contents()).extracting(S3Object::size).containsExactly(8L, 7L);
    }

    @Test
    @DisplayName("ListObjectsV2 honours StartAfter, MaxKeys and continuation tokens")
    void listStartAfterAndPagination() {
        LocalS3.Bucket bucket = s3.bucket("paging");
        for (int i = 0; i < 7; i++) {
            bucket.put(String.format("k/%02d", i), "v" + i);
        }
        ListObjectsV2Response after = s3.client().listObjectsV2(b -> b.bucket("paging").startAfter("k/03"));
        assertThat(after.contents()).extracting(S3Object::key).containsExactly("k/04", "k/05", "k/06");

        ListObjectsV2Response page1 = s3.client().listObjectsV2(b -> b.bucket("paging").maxKeys(3));
        assertThat(page1.isTruncated()).isTrue();
        assertThat(page1.contents()).extracting(S3Object::key).containsExactly("k/00", "k/01", "k/02");
        ListObjectsV2Response page2 = s3.client().listObjectsV2(
                b -> b.bucket("paging").maxKeys(3).continuationToken(page1.nextContinuationToken()));
        assertThat(page2.contents()).extracting(S3Object::key).containsExactly("k/03", "k/04", "k/05");

        List<String> all = s3.client().listObjectsV2Paginator(b -> b.bucket("paging").maxKeys(2)).contents()
                .stream().map(S3Object::key).collect(Collectors.toList());
        assertThat(all).hasSize(7).isSorted();
    }

    @Test
    @DisplayName("a delimiter groups keys into common prefixes, as DMS's schema/table folders are listed")
    void delimiterAndCommonPrefixes() {
        LocalS3.Bucket bucket = s3.bucket("folders");
        bucket.put("dms/shop/orders/LOAD00000001.csv", "1").put("dms/shop/items/LOAD00000001.csv", "2")
                .put("dms/hr/people/LOAD00000001.csv", "3").put("dms/readme.txt", "x");
        ListObjectsV2Response top = s3.client().listObjectsV2(b -> b.bucket("folders").prefix("dms/").delimiter("/"));
        assertThat(top.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dms/hr/", "dms/shop/");
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("dms/readme.txt");
        ListObjectsV2Response shop = s3.client().listObjectsV2(
                b -> b.bucket("folders").prefix("dms/shop/").delimiter("/"));
        assertThat(shop.commonPrefixes()).extracting(p -> p.prefix())
                .containsExactly("dms/shop/items/", "dms/shop/orders/");
    }

    @Test
    @DisplayName("ranged GETs return the requested bytes, including suffix and open-ended ranges")
    void rangedGets() {
        s3.bucket("ranges").put("data.bin", "0123456789abcdefghijklmnopqrstuv");
        ResponseBytes<GetObjectResponse> middle =
                s3.client().getObjectAsBytes(b -> b.bucket("ranges").key("data.bin").range("bytes=10-15"));
        assertThat(middle.asUtf8String()).isEqualTo("abcdef");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 10-15/32");

        ResponseBytes<GetObjectResponse> suffix =
                s3.client().getObjectAsBytes(b -> b.bucket("ranges").key("data.bin").range("bytes=-8"));
        assertThat(suffix.asUtf8String()).isEqualTo("opqrstuv");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 24-31/32");

        ResponseBytes<GetObjectResponse> open =
                s3.client().getObjectAsBytes(b -> b.bucket("ranges").key("data.bin").range("bytes=28-"));
        assertThat(open.asUtf8String()).isEqualTo("stuv");
    }

    @Test
    @DisplayName("missing objects raise NoSuchKeyException like S3")
    void missingKey() {
        s3.createBucket("missing");
        assertThatThrownBy(() -> s3.client().getObject(b -> b.bucket("missing").key("nope")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.bucket("missing").exists("nope")).isFalse();
    }

    @Test
    @DisplayName("multipart uploads assemble the parts in order")
    void multipart() {
        s3.createBucket("multi");
        S3Client c = s3.client();
        String uploadId = c.createMultipartUpload(b -> b.bucket("multi").key("big")).uploadId();
        byte[] part1 = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(part1, (byte) 'a');
        String e1 = c.uploadPart(b -> b.bucket("multi").key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String e2 = c.uploadPart(b -> b.bucket("multi").key("big").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        c.completeMultipartUpload(b -> b.bucket("multi").key("big").uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));
        byte[] all = s3.bucket("multi").getBytes("big");
        assertThat(all).hasSize(part1.length + 4);
        assertThat(new String(all, all.length - 4, 4, StandardCharsets.UTF_8)).isEqualTo("tail");
    }

    @Test
    @DisplayName("bucket() creates on demand and is idempotent; deleteBucket and reset remove buckets with objects")
    void bucketsOnDemand() {
        LocalS3.Bucket b = s3.bucket("on-demand");
        b.put("x", "1");
        assertThat(s3.bucket("on-demand").getString("x")).isEqualTo("1");
        assertThat(s3.bucketNames()).contains("on-demand");
        s3.deleteBucket("on-demand");
        assertThat(s3.bucketNames()).doesNotContain("on-demand");
        s3.deleteBucket("on-demand"); // no error when already gone
    }

    @Test
    @DisplayName("an invalid bucket name is rejected before any call, naming the bucket")
    void invalidBucketName() {
        assertThatThrownBy(() -> s3.createBucket("Bad_Name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bad_Name'");
        assertThatThrownBy(() -> LocalS3.builder().initialBuckets("ok-bucket", "A", "x..y").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'A'").hasMessageContaining("'x..y'");
    }

    @Test
    @DisplayName("a second server runs independently, in another region, with initial buckets; stop deletes its folder")
    void independentServerAndCleanup() throws Exception {
        Path folder;
        try (LocalS3 other = LocalS3.builder().initialBuckets("seeded").region("eu-west-1").build().start()) {
            assertThat(other.port()).isNotEqualTo(s3.port());
            assertThat(other.region().id()).isEqualTo("eu-west-1");
            assertThat(other.bucketNames()).containsExactly("seeded");
            other.bucket("seeded").put("k", "v");
            other.bucket("created-in-eu").put("k", "eu");
            assertThat(other.bucket("created-in-eu").getString("k")).isEqualTo("eu");
            folder = other.rootFolder();
            assertThat(Files.isDirectory(folder)).isTrue();
            assertThatThrownBy(() -> s3.client().headBucket(b -> b.bucket("seeded")))
                    .isInstanceOf(S3Exception.class);
            other.reset();
            assertThat(other.bucketNames()).isEmpty();
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    @DisplayName("using a stopped server fails with a message that says how to start it")
    void notStarted() {
        LocalS3 idle = LocalS3.create();
        assertThatThrownBy(idle::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        assertThat(idle).hasToString("LocalS3[stopped]");
    }
}
