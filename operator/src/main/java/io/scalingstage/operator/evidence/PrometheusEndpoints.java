package io.scalingstage.operator.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.KeyRef;
import io.scalingstage.operator.api.v1alpha1.PrometheusSpec;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.PrometheusSource;

/**
 * Turns spec.promotion.prometheus into a source to query: the bearer token and CA bundle read from their Secrets (by
 * name, with GET: the operator watches no Secret it does not own), one HTTP client per CA bundle.
 */
final class PrometheusEndpoints {

    /** How long a Secret read is reused: a rotated token or CA is picked up within this. */
    static final Duration SECRET_TTL = Duration.ofMinutes(1);

    /** CA bundles in use at once are few; a bound keeps a misconfiguration from growing the map. */
    static final int MAX_CLIENTS = 64;

    private final KubernetesClient kubernetes;
    private final Clock clock;
    private final HttpClient plain = client(null);
    private final Map<String, HttpClient> byCa = new ConcurrentHashMap<>();
    private final Map<String, CachedKey> secrets = new ConcurrentHashMap<>();

    PrometheusEndpoints(KubernetesClient kubernetes, Clock clock) {
        this.kubernetes = kubernetes;
        this.clock = clock;
    }

    /** The source to query, or why there is none. */
    Endpoint of(String namespace, PrometheusSpec spec) {
        Optional<String> token = Optional.empty();
        HttpClient client = plain;
        if (spec.getBearerTokenSecret() != null) {
            Optional<String> value = key(namespace, spec.getBearerTokenSecret());
            if (value.isEmpty()) {
                return Endpoint.failed(missing(namespace, spec.getBearerTokenSecret(), "bearerTokenSecret"));
            }
            token = Optional.of(value.get().strip());
        }
        if (spec.getCaSecret() != null) {
            Optional<String> ca = key(namespace, spec.getCaSecret());
            if (ca.isEmpty()) {
                return Endpoint.failed(missing(namespace, spec.getCaSecret(), "caSecret"));
            }
            try {
                client = clientTrusting(ca.get());
            } catch (GeneralSecurityException | RuntimeException e) {
                return Endpoint.failed(new Problem(Problem.NOT_CONFIGURED, "the CA bundle in Secret "
                        + spec.getCaSecret().getName() + " key " + spec.getCaSecret().getKey()
                        + " is not a PEM certificate: " + e.getMessage()));
            }
        }
        return new Endpoint(new PrometheusSource(client, URI.create(spec.getUrl()), token,
                Durations.parse(spec.getTimeout())), null);
    }

    private HttpClient clientTrusting(String pem) throws GeneralSecurityException {
        HttpClient existing = byCa.get(pem);
        if (existing != null) {
            return existing;
        }
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found");
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            trust.setCertificateEntry("ca-" + index++, certificate);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        if (byCa.size() >= MAX_CLIENTS) {
            byCa.clear();
        }
        return byCa.computeIfAbsent(pem, key -> client(tls));
    }

    private static HttpClient client(SSLContext tls) {
        // HTTP/1.1: an h2c upgrade offer on plain http confuses some proxies in front of Prometheus.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    private Optional<String> key(String namespace, KeyRef ref) {
        String cacheKey = cacheKey(namespace, ref);
        Instant now = clock.instant();
        CachedKey cached = secrets.get(cacheKey);
        if (cached != null && now.isBefore(cached.readAt().plus(SECRET_TTL))) {
            return cached.value();
        }
        Secret secret = kubernetes.secrets().inNamespace(namespace).withName(ref.getName()).get();
        Optional<String> value = Optional.ofNullable(secret).map(Secret::getData).map(data -> data.get(ref.getKey()))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        secrets.put(cacheKey, new CachedKey(value, now));
        return value;
    }

    /** Drops cached Secret reads of a namespace's ScalingStage when it goes. */
    void forget(String namespace, PrometheusSpec spec) {
        for (KeyRef ref : new KeyRef[] { spec.getBearerTokenSecret(), spec.getCaSecret() }) {
            if (ref != null) {
                secrets.remove(cacheKey(namespace, ref));
            }
        }
    }

    private static String cacheKey(String namespace, KeyRef ref) {
        return namespace + "/" + ref.getName() + "/" + ref.getKey();
    }

    private static Problem missing(String namespace, KeyRef ref, String field) {
        return new Problem(Problem.NOT_CONFIGURED, "spec.promotion.prometheus." + field + " names Secret " + namespace
                + "/" + ref.getName() + " key " + ref.getKey() + ", which does not exist");
    }

    record Endpoint(PrometheusSource source, Problem problem) {

        static Endpoint failed(Problem problem) {
            return new Endpoint(null, problem);
        }
    }

    private record CachedKey(Optional<String> value, Instant readAt) {
    }
}
