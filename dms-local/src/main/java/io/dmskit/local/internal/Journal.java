package io.dmskit.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests that changed state, one JSON line each (time, service, region, operation, request in its wire form),
 * appended after each success and replayed in order on start: the state of a data directory is the state those
 * requests built. The file holds what the requests held (secret values, endpoint passwords), so it is readable by its
 * owner only.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private BufferedWriter out;

    /** One journaled request. */
    record Entry(Instant time, String service, String region, String operation, JsonNode request) {
    }

    /** @param file the journal file (created on the first entry) */
    public Journal(Path file) {
        this.file = file;
    }

    /** @return the entries written so far, in order (a torn last line is skipped) */
    public List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = AwsJson.MAPPER.readTree(line);
                    entries.add(new Entry(Instant.ofEpochMilli(n.get("t").asLong()), n.get("service").asText(),
                            n.get("region").asText(), n.get("operation").asText(), n.get("request")));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("dms-local: skipping line {} of {}: {}", lineNo, file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dms-local: cannot read the journal " + file, e);
        }
        return entries;
    }

    /** @param entry a request that succeeded */
    public synchronized void append(Entry entry) {
        ObjectNode n = AwsJson.MAPPER.createObjectNode();
        n.put("t", entry.time().toEpochMilli());
        n.put("service", entry.service());
        n.put("region", entry.region());
        n.put("operation", entry.operation());
        n.set("request", entry.request());
        try {
            if (out == null) {
                open();
            }
            out.write(AwsJson.MAPPER.writeValueAsString(n));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("dms-local: cannot write the journal " + file, e);
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("dms-local: no POSIX permissions on {}", file);
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Closes the file; a later append opens it again. */
    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("dms-local: closing the journal failed: {}", e.getMessage());
            }
            out = null;
        }
    }
}
