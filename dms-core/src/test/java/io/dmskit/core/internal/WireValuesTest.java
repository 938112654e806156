package io.dmskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.endpoint.S3EncryptionMode;
import io.dmskit.core.endpoint.TlogAccessMode;
import io.dmskit.core.settings.LogSeverity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WireValues reads enum values the way DMS and people write them")
class WireValuesTest {

    @Test
    @DisplayName("case, surrounding blanks and _ versus - do not matter; the Java name is accepted too")
    void lenient() {
        assertThat(S3EncryptionMode.fromWire("sse-kms")).contains(S3EncryptionMode.SSE_KMS);
        assertThat(S3EncryptionMode.fromWire(" SSE_KMS ")).contains(S3EncryptionMode.SSE_KMS);
        assertThat(TlogAccessMode.fromWire("tlogonly")).contains(TlogAccessMode.TLOG_ONLY);
        assertThat(TlogAccessMode.fromWire("TLOG_ONLY")).contains(TlogAccessMode.TLOG_ONLY);
        assertThat(LogSeverity.fromWire("LOGGER_SEVERITY_DEBUG")).contains(LogSeverity.DEBUG);
        assertThat(LogSeverity.fromWire("debug")).contains(LogSeverity.DEBUG);
    }

    @Test
    @DisplayName("null and unknown values are empty")
    void emptyWhenUnknown() {
        assertThat(S3EncryptionMode.fromWire(null)).isEmpty();
        assertThat(S3EncryptionMode.fromWire("sse-c")).isEmpty();
    }

    @Test
    @DisplayName("require names the field and the values DMS knows")
    void requireExplains() {
        assertThatThrownBy(() -> WireValues.require(S3EncryptionMode.class, "EncryptionMode", "sse-c",
            S3EncryptionMode::wireValue))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("EncryptionMode: unknown value 'sse-c'; expected one of [sse-s3, sse-kms]");
    }
}
