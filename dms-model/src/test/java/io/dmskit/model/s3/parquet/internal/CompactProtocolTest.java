package io.dmskit.model.s3.parquet.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompactProtocolTest {

    @Test
    @DisplayName("what the compact writer writes, the compact reader reads: field deltas, long jumps, lists, bools")
    void writerAndReaderAgree() {
        byte[] bytes = new CompactWriter().structBegin()
                .i32(1, -7)
                .i64(2, Long.MIN_VALUE)
                .string(40, "héllo") // a field-id jump longer than 15 needs the long form
                .bool(41, true)
                .listField(42, CompactReader.T_I32, 20)
                .i32Element(0).i32Element(1).i32Element(2).i32Element(3).i32Element(4)
                .i32Element(5).i32Element(6).i32Element(7).i32Element(8).i32Element(9)
                .i32Element(10).i32Element(11).i32Element(12).i32Element(13).i32Element(14)
                .i32Element(15).i32Element(16).i32Element(17).i32Element(18).i32Element(Integer.MIN_VALUE)
                .structField(43).i32(1, 5).structEnd()
                .i32(44, 9)
                .structEnd().toByteArray();

        CompactReader r = new CompactReader(bytes, 0, bytes.length);
        CompactReader.Field f = r.readField(0);
        assertThat(f).isEqualTo(new CompactReader.Field(1, CompactReader.T_I32));
        assertThat(r.readI32()).isEqualTo(-7);
        f = r.readField(f.id());
        assertThat(r.readI64()).isEqualTo(Long.MIN_VALUE);
        f = r.readField(f.id());
        assertThat(f.id()).isEqualTo(40);
        assertThat(r.readString()).isEqualTo("héllo");
        f = r.readField(f.id());
        assertThat(f.id()).isEqualTo(41);
        assertThat(f.boolValue()).isTrue();
        f = r.readField(f.id());
        CompactReader.ListHeader list = r.readListHeader();
        assertThat(list.size()).isEqualTo(20);
        for (int i = 0; i < 19; i++) {
            assertThat(r.readI32()).isEqualTo(i);
        }
        assertThat(r.readI32()).isEqualTo(Integer.MIN_VALUE);
        f = r.readField(f.id());
        assertThat(f).isEqualTo(new CompactReader.Field(43, CompactReader.T_STRUCT));
        r.skip(f.type());
        f = r.readField(f.id());
        assertThat(f.id()).isEqualTo(44);
        assertThat(r.readI32()).isEqualTo(9);
        assertThat(r.readField(f.id()).isStop()).isTrue();
        assertThat(r.position()).isEqualTo(bytes.length);
    }
}
