package io.scalingstage.testing;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Starts one local cluster per test class, as {@link WithApiServer} or {@link WithKwokCluster} asks, and stops it after.
 * Whatever the class tested, the operator must not have looped: its audit log is read for {@link UpdateLoops} last.
 */
public class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LocalCluster cluster = cluster(context);
        List<String> loops = UpdateLoops.find(cluster.auditLog().all());
        if (!loops.isEmpty()) {
            throw new AssertionError("update loops in the audit log of cluster " + cluster.name() + ":\n" + String.join("\n", loops));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCluster.class || type == KubernetesClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalCluster cluster = cluster(context);
        return parameter.getParameter().getType() == LocalCluster.class ? cluster : cluster.client();
    }

    private static LocalCluster cluster(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getParent().get().getTestClass().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> new Resource(start(testClass)), Resource.class).cluster();
    }

    private static LocalCluster start(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        name = name.substring(0, Math.min(name.length(), 24)) + "-"
                + String.format("%06x", java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000000));
        WithKwokCluster kwok = testClass.getAnnotation(WithKwokCluster.class);
        WithApiServer apiServer = testClass.getAnnotation(WithApiServer.class);
        return kwok != null
                ? LocalCluster.start(name, false, kwok.nodes(), kwok.cloudNativePg(), kwok.metricsServer())
                : LocalCluster.start(name, true, 0, apiServer.cloudNativePg(), false);
    }

    /** Stops the cluster when JUnit closes the test class's store. */
    private record Resource(LocalCluster cluster) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            cluster.close();
        }
    }
}
