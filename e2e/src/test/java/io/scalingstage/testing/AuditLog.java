package io.scalingstage.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API server's audit log: one JSON event per line, as the audit policy in e2e/control-plane writes it. */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now: pass it to {@link #since(long)} to read only what comes after. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Event> all() {
        return since(0);
    }

    /** The completed requests logged after {@code mark}. */
    public List<Event> since(long mark) {
        List<Event> events = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(mark);
            byte[] rest = new byte[(int) (in.length() - mark)];
            in.readFully(rest);
            String text = new String(rest, StandardCharsets.UTF_8);
            // The API server may be writing the last line right now: read only complete ones.
            text = text.substring(0, text.lastIndexOf('\n') + 1);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                if ("ResponseComplete".equals(event.path("stage").asText())) {
                    events.add(Event.of(event));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return events;
    }

    /**
     * One request.
     *
     * @param verb get, list, watch, create, update, patch, delete or deletecollection
     * @param apiGroup the resource's API group, empty for the core group
     * @param resource the resource (plural), empty for non-resource URLs
     * @param subresource status, scale and the like, or empty
     * @param namespace the object's namespace, or empty
     * @param name the object's name, or empty
     * @param user the authenticated user name
     * @param userAgent the client's user agent
     * @param requestUri the path and query
     * @param code the response code
     * @param time when the API server completed it
     */
    public record Event(String verb, String apiGroup, String resource, String subresource, String namespace, String name, String user,
            String userAgent, String requestUri, int code, Instant time) {

        private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");

        static Event of(JsonNode event) {
            JsonNode ref = event.path("objectRef");
            return new Event(event.path("verb").asText(), ref.path("apiGroup").asText(), ref.path("resource").asText(), ref.path("subresource").asText(),
                    ref.path("namespace").asText(), ref.path("name").asText(), event.path("user").path("username").asText(),
                    event.path("userAgent").asText(), event.path("requestURI").asText(),
                    event.path("responseStatus").path("code").asInt(), Instant.parse(event.path("stageTimestamp").asText()));
        }

        public boolean isWrite() {
            return WRITES.contains(verb);
        }

        @Override
        public String toString() {
            return verb + " " + resource + (subresource.isEmpty() ? "" : "/" + subresource) + " " + namespace + "/" + name
                    + " -> " + code + " (" + userAgent + ")";
        }
    }
}
