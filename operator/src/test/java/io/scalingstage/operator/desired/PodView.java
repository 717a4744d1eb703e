package io.scalingstage.operator.desired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;

/**
 * What a container of a generated pod sees, as the kubelet would give it from the generated ConfigMaps and Secrets: its
 * environment (values, Secret keys, {@code $(VAR)} expansion) and the files its ConfigMap, Secret and projected volumes
 * put under their mount paths. Nothing the pod spec does not reference is visible.
 */
final class PodView {

    private final List<HasMetadata> objects;

    PodView(List<HasMetadata> objects) {
        this.objects = objects;
    }

    Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null) {
                env.put(variable.getName(), secret(variable.getValueFrom().getSecretKeyRef().getName())
                        .map(s -> decode(s, variable.getValueFrom().getSecretKeyRef().getKey()))
                        .orElseThrow(() -> new AssertionError("no Secret for " + variable)));
            } else {
                String value = variable.getValue();
                for (Map.Entry<String, String> defined : env.entrySet()) {
                    value = value.replace("$(" + defined.getKey() + ")", defined.getValue());
                }
                env.put(variable.getName(), value);
            }
        }
        return env;
    }

    /** Absolute path to content, for every file the container's volume mounts show. */
    Map<String, String> files(PodTemplateSpec pod, Container container) {
        Map<String, String> files = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
            if (volume.getConfigMap() != null) {
                configMapFiles(mount.getMountPath(), volume.getConfigMap().getName(), volume.getConfigMap().getItems(), files);
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection source : volume.getProjected().getSources()) {
                    if (source.getConfigMap() != null) {
                        configMapFiles(mount.getMountPath(), source.getConfigMap().getName(), source.getConfigMap().getItems(), files);
                    }
                    if (source.getSecret() != null) {
                        Secret secret = secret(source.getSecret().getName())
                                .orElseThrow(() -> new AssertionError("no Secret " + source.getSecret().getName()));
                        for (KeyToPath item : source.getSecret().getItems()) {
                            files.put(mount.getMountPath() + "/" + item.getPath(), decode(secret, item.getKey()));
                        }
                    }
                }
            }
        }
        return files;
    }

    private void configMapFiles(String directory, String name, List<KeyToPath> items, Map<String, String> files) {
        ConfigMap map = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        if (items == null || items.isEmpty()) {
            map.getData().forEach((key, value) -> files.put(directory + "/" + key, value));
        } else {
            items.forEach(item -> files.put(directory + "/" + item.getPath(), map.getData().get(item.getKey())));
        }
    }

    private Optional<Secret> secret(String name) {
        return objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .filter(s -> s.getMetadata().getName().equals(name)).findFirst();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
