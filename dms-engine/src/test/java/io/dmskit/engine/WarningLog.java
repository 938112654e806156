package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when the engine logged a WARN from its start until after every other {@code afterEach} (register it on
 * a static field: class-level extensions finish last). The tests log through slf4j-simple, which writes each line to
 * the current {@code System.err}; this extension copies what passes there.
 */
final class WarningLog implements BeforeEachCallback, AfterEachCallback {

    private PrintStream original;
    private ByteArrayOutputStream copy;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.err;
        copy = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (copy) {
                    copy.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
        assertThat(engineWarnings()).as("WARN lines of the engine").isEmpty();
    }

    /** @return the engine's WARN lines so far */
    List<String> engineWarnings() {
        String text;
        synchronized (copy) {
            text = copy.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> l.contains(" WARN io.dmskit.engine")).toList();
    }
}
