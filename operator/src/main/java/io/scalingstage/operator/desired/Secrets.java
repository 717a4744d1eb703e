package io.scalingstage.operator.desired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secret contents as {@code data}, the field the API server stores and returns: {@code stringData} is write-only, so an
 * apply carrying it could never be compared with the live Secret.
 */
final class Secrets {

    private Secrets() {
    }

    static Map<String, String> data(String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], Base64.getEncoder().encodeToString(keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }
}
