package io.scalingstage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A validating admission webhook on 127.0.0.1 that the API server calls for the resources a test names: it refuses
 * what the test's rule refuses, with the HTTP code and message the rule gives, as a policy engine or a misbehaving
 * webhook of a real cluster would. Registered for one namespace only.
 */
public final class AdmissionWebhook implements AutoCloseable {

    /** A refusal: the code the API server answers the client with, and why. */
    public record Denial(int code, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final String name;
    private final HttpsServer server;
    private final List<JsonNode> denied = new CopyOnWriteArrayList<>();

    private AdmissionWebhook(KubernetesClient client, String name, HttpsServer server) {
        this.client = client;
        this.name = name;
        this.server = server;
    }

    /**
     * @param resources the resources (with their subresource: {@code scalingstages/status}) of {@code apiGroup} whose
     *     creates and updates the API server sends here
     * @param rule the AdmissionReview's request to a denial, or empty to allow it
     */
    public static AdmissionWebhook register(KubernetesClient client, Path directory, String namespace, String apiGroup,
            List<String> resources, Function<JsonNode, Optional<Denial>> rule) {
        TestCertificates certificates = TestCertificates.create(directory);
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(certificates)));
            AdmissionWebhook webhook = new AdmissionWebhook(client, "scalingstage-test-" + namespace, server);
            server.createContext("/validate", exchange -> {
                JsonNode review;
                try (InputStream in = exchange.getRequestBody()) {
                    review = JSON.readTree(in);
                }
                JsonNode request = review.path("request");
                Optional<Denial> denial = rule.apply(request);
                ObjectNode response = JSON.createObjectNode();
                response.put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
                ObjectNode verdict = response.putObject("response").put("uid", request.path("uid").asText())
                        .put("allowed", denial.isEmpty());
                denial.ifPresent(d -> {
                    verdict.putObject("status").put("code", d.code()).put("message", d.message());
                    webhook.denied.add(request);
                });
                byte[] body = JSON.writeValueAsBytes(response);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            webhook.apply(namespace, apiGroup, resources, certificates);
            return webhook;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook", e);
        }
    }

    /** The requests refused so far. */
    public List<JsonNode> denied() {
        return List.copyOf(denied);
    }

    @Override
    public void close() {
        client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name).delete();
        server.stop(0);
    }

    private void apply(String namespace, String apiGroup, List<String> resources, TestCertificates certificates) {
        String caBundle = Base64.getEncoder().encodeToString(certificates.caPem().getBytes(StandardCharsets.US_ASCII));
        String yaml = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: %s
                webhooks:
                - name: refuse.scalingstage.test
                  clientConfig:
                    url: https://127.0.0.1:%d/validate
                    caBundle: %s
                  rules:
                  - apiGroups: ["%s"]
                    apiVersions: ["*"]
                    operations: [CREATE, UPDATE]
                    resources: %s
                  namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: %s}
                  failurePolicy: Fail
                  sideEffects: None
                  admissionReviewVersions: [v1]
                  timeoutSeconds: 5
                """.formatted(name, server.getAddress().getPort(), caBundle, apiGroup,
                resources.stream().map(r -> "\"" + r + "\"").toList(), namespace);
        client.admissionRegistration().v1().validatingWebhookConfigurations()
                .resource(client.getKubernetesSerialization().unmarshal(yaml, ValidatingWebhookConfiguration.class))
                .serverSideApply();
    }

    private static SSLContext sslContext(TestCertificates certificates) {
        try (InputStream in = Files.newInputStream(certificates.serverKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestCertificates.KEY_STORE_PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, TestCertificates.KEY_STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the webhook's certificate", e);
        }
    }
}
