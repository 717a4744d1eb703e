package io.scalingstage.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalingstage.operator.api.cnpg.Cluster;

/**
 * Whether CloudNativePG's API is served. Asks API discovery (a GET, allowed to every authenticated user, so no RBAC
 * on CRDs is needed), remembers a yes for good and a no for {@link #recheckInterval()}, so a CloudNativePG installed
 * after the operator started is picked up without a restart and a thousand ScalingStages cost one request.
 */
@ApplicationScoped
public class CloudNativePg {

    static final String API_VERSION = Cluster.GROUP + "/v1";
    private static final Set<String> REQUIRED = Set.of("clusters", "poolers");
    private static final Logger LOG = Logger.getLogger(CloudNativePg.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration recheckInterval;
    private volatile boolean installed;
    private volatile Instant checkedAt = Instant.MIN;

    public CloudNativePg(KubernetesClient client, Clock clock,
            @ConfigProperty(name = "scalingstage.database-provider.recheck-interval", defaultValue = "30s") Duration recheckInterval) {
        this.client = client;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
    }

    public boolean installed() {
        if (installed) {
            return true;
        }
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(recheckInterval) >= 0) {
            synchronized (this) {
                if (!installed && Duration.between(checkedAt, now).compareTo(recheckInterval) >= 0) {
                    installed = discover();
                    checkedAt = now;
                    if (installed) {
                        LOG.infof("CloudNativePG API %s is served", API_VERSION);
                    }
                }
            }
        }
        return installed;
    }

    public Duration recheckInterval() {
        return recheckInterval;
    }

    private boolean discover() {
        try {
            APIResourceList resources = client.getApiResources(API_VERSION);
            if (resources == null) {
                return false;
            }
            Set<String> served = resources.getResources().stream().map(APIResource::getName).collect(Collectors.toSet());
            return served.containsAll(REQUIRED);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                LOG.warnf("API discovery of %s failed: %s", API_VERSION, e.getMessage());
            }
            return false;
        }
    }
}
