package io.dmskit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MotoTimestampInterceptor rewrites moto's ISO timestamps into epoch seconds")
class MotoTimestampInterceptorTest {

    private static String epoch(String isoUtc) {
        Instant i = Instant.parse(isoUtc);
        return BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    @Test
    @DisplayName("a 26-character naive timestamp of a date member becomes epoch seconds with microseconds")
    void naiveMicroseconds() {
        String in = "{\"ReplicationTask\":{\"ReplicationTaskCreationDate\": \"2026-11-21T04:55:22.870262\","
                + "\"Status\":\"creating\"}}";
        String out = MotoTimestampInterceptor.rewrite(in);
        assertThat(out).isEqualTo("{\"ReplicationTask\":{\"ReplicationTaskCreationDate\": "
                + epoch("2026-11-21T04:55:22.870262Z") + ",\"Status\":\"creating\"}}");
        assertThat(epoch("2026-11-21T04:55:22.870262Z")).endsWith(".870262");
    }

    @Test
    @DisplayName("zones Z and +hh:mm / -hhmm are honoured; whole seconds have no fraction")
    void zones() {
        assertThat(MotoTimestampInterceptor.rewrite("{\"InstanceCreateTime\":\"2026-01-01T00:00:00Z\"}"))
                .isEqualTo("{\"InstanceCreateTime\":" + epoch("2026-01-01T00:00:00Z") + "}");
        assertThat(MotoTimestampInterceptor.rewrite("{\"StartDate\":\"2026-01-01T02:00:00+02:00\"}"))
                .isEqualTo("{\"StartDate\":" + epoch("2026-01-01T00:00:00Z") + "}");
        assertThat(MotoTimestampInterceptor.rewrite("{\"StopDate\":\"2026-01-01T00:00:00.5-0100\"}"))
                .isEqualTo("{\"StopDate\":" + epoch("2026-01-01T01:00:00.5Z") + "}");
    }

    @Test
    @DisplayName("every timestamp member in a list is rewritten, other strings stay as they are")
    void onlyTimeMembers() {
        String in = "{\"Tasks\":[{\"FreshStartDate\":\"2026-02-03T04:05:06.1\",\"TaskName\":\"2026-02-03T04:05:06.1\"},"
                + "{\"FullLoadFinishDate\":\"2026-02-03T04:05:07.000001\"}]}";
        String out = MotoTimestampInterceptor.rewrite(in);
        assertThat(out).contains("\"FreshStartDate\":" + epoch("2026-02-03T04:05:06.1Z"))
                .contains("\"TaskName\":\"2026-02-03T04:05:06.1\"")
                .contains("\"FullLoadFinishDate\":" + epoch("2026-02-03T04:05:07.000001Z"));
    }

    @Test
    @DisplayName("a document without ISO timestamps is returned as the same instance")
    void untouched() {
        String in = "{\"CreatedDate\":1795236922.87,\"Name\":\"x\"}";
        assertThat(MotoTimestampInterceptor.rewrite(in)).isSameAs(in);
    }
}
