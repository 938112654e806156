package io.dmskit.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmskit.testkit.dataplane.EndpointCredentials;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Endpoint credentials, from the endpoint itself or from its Secrets Manager secret. Never prints the password. */
final class Credentials implements EndpointCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String username;
    private final String password;
    private final String serverName;
    private final Integer port;
    private final String databaseName;
    private final String secretId;

    private Credentials(String username, String password, String serverName, Integer port, String databaseName,
                        String secretId) {
        this.username = username;
        this.password = password;
        this.serverName = serverName;
        this.port = port;
        this.databaseName = databaseName;
        this.secretId = secretId;
    }

    /** What to resolve, captured under the lock. */
    record Source(String username, String password, String serverName, Integer port, String databaseName,
                  String secretId) {
        @Override
        public String toString() {
            return "Source[username=" + username + ", serverName=" + serverName + ", port=" + port + ", secretId="
                    + secretId + "]";
        }
    }

    static Source sourceOf(EndpointRecord e) {
        String settingsName = EndpointOps.settingsField(e.model.engineName());
        Object own = settingsName == null ? null : Pojos.get(e.model, settingsName);
        String secretId = own != null && Pojos.has(own, "SecretsManagerSecretId")
                ? (String) Pojos.get(own, "SecretsManagerSecretId") : null;
        return new Source(e.model.username(), e.password, e.model.serverName(), e.model.port(),
                e.model.databaseName(), secretId);
    }

    /**
     * Resolves credentials, reading the secret when there is one (DMS's secret JSON: username, password, host, port,
     * engine, dbname). Call outside the world's lock.
     *
     * @throws IllegalStateException with DMS-style text when the secret cannot be read
     */
    static Credentials resolve(Source s, SecretsManagerClient secrets) {
        if (s.secretId() == null) {
            return new Credentials(s.username(), s.password(), s.serverName(), s.port(), s.databaseName(), null);
        }
        if (secrets == null) {
            // nothing to read the secret with: only the endpoint's own fields are known
            return new Credentials(s.username(), s.password(), s.serverName(), s.port(), s.databaseName(),
                    s.secretId());
        }
        GetSecretValueResponse v;
        try {
            v = secrets.getSecretValue(b -> b.secretId(s.secretId()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Failed to retrieve secret " + s.secretId() + " from AWS Secrets Manager: "
                    + e.getMessage(), e);
        }
        String text = v.secretString();
        if (text == null) {
            throw new IllegalStateException("Secret " + s.secretId() + " has no SecretString.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("Secret " + s.secretId() + " is not valid JSON; DMS expects "
                    + "{\"username\", \"password\", \"host\", \"port\"}.");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("Secret " + s.secretId() + " is not a JSON object.");
        }
        String user = text(node, "username");
        String password = text(node, "password");
        String host = text(node, "host");
        Integer port = null;
        if (node.hasNonNull("port")) {
            try {
                port = Integer.parseInt(node.get("port").asText());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Secret " + s.secretId() + " has a port that is not a number.");
            }
        }
        String db = s.databaseName() != null ? s.databaseName() : text(node, "dbname");
        return new Credentials(user != null ? user : s.username(), password != null ? password : s.password(),
                host != null ? host : s.serverName(), port != null ? port : s.port(), db, s.secretId());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return what is missing for a relational login, or null when complete */
    String missing() {
        if (username == null) {
            return "username";
        }
        if (password == null) {
            return "password";
        }
        if (serverName == null) {
            return "host";
        }
        if (port == null) {
            return "port";
        }
        return null;
    }

    @Override
    public Optional<String> username() { return Optional.ofNullable(username); }

    @Override
    public Optional<String> password() { return Optional.ofNullable(password); }

    @Override
    public Optional<String> serverName() { return Optional.ofNullable(serverName); }

    @Override
    public Optional<Integer> port() { return Optional.ofNullable(port); }

    @Override
    public Optional<String> databaseName() { return Optional.ofNullable(databaseName); }

    @Override
    public Optional<String> secretId() { return Optional.ofNullable(secretId); }

    @Override
    public String toString() {
        return "EndpointCredentials[username=" + username + ", password=" + (password == null ? "none" : "****")
                + ", serverName=" + serverName + ", port=" + port + ", databaseName=" + databaseName
                + (secretId == null ? "" : ", secretId=" + secretId) + "]";
    }
}
