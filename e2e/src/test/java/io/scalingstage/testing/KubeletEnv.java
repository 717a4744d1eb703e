package io.scalingstage.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.fabric8.kubernetes.api.model.EnvVar;

/**
 * A container's environment as the kubelet gives it: each variable's value from the pod spec or from the Secret key
 * it names, with {@code $(NAME)} replaced by variables defined before it and {@code $$} by {@code $}.
 */
public final class KubeletEnv {

    private KubeletEnv() {
    }

    /** @param secrets reads a Secret's key: (secret, key) to its value */
    public static Map<String, String> resolve(List<EnvVar> env, BiFunction<String, String, String> secrets) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EnvVar variable : env) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                values.put(variable.getName(), secrets.apply(variable.getValueFrom().getSecretKeyRef().getName(),
                        variable.getValueFrom().getSecretKeyRef().getKey()));
            } else if (variable.getValueFrom() == null) {
                values.put(variable.getName(), expand(variable.getValue(), values));
            } else {
                throw new IllegalArgumentException("not a value or a Secret key: " + variable);
            }
        }
        return values;
    }

    /** Kubernetes' expansion of an env value or an argument: unknown references stay as written. */
    public static String expand(String text, Map<String, String> defined) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(' && text.indexOf(')', i) > 0) {
                int close = text.indexOf(')', i);
                String name = text.substring(i + 2, close);
                out.append(defined.containsKey(name) ? defined.get(name) : text.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
