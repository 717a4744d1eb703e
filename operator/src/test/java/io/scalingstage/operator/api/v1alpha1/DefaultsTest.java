package io.scalingstage.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.generator.annotation.Default;

/**
 * The API server fills in the CRD's defaults (from {@link Default}); the Java classes start with the same values, so
 * the operator computes the same thing whether a field came defaulted from the server or not at all.
 */
class DefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyCrdDefaultIsTheJavaInitialValue() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : apiClasses(ScalingStageSpec.class, new LinkedHashSet<>())) {
            Object instance = type.getDeclaredConstructor().newInstance();
            for (Field field : type.getDeclaredFields()) {
                Default crdDefault = field.getAnnotation(Default.class);
                if (crdDefault == null) {
                    continue;
                }
                field.setAccessible(true);
                JsonNode expected = YAML.readTree(crdDefault.value());
                JsonNode initial = JSON.valueToTree(field.get(instance));
                assertThat(initial).as("%s.%s", type.getSimpleName(), field.getName()).isEqualTo(expected.isObject()
                        ? JSON.valueToTree(field.getType().getDeclaredConstructor().newInstance()) : expected);
                checked.add(type.getSimpleName() + "." + field.getName());
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
    }

    /** Every class of this API reachable from {@code type} through its fields, element types included. */
    private static Set<Class<?>> apiClasses(Class<?> type, Set<Class<?>> found) {
        if (!type.getPackageName().equals(ScalingStageSpec.class.getPackageName()) || type.isEnum() || !found.add(type)) {
            return found;
        }
        for (Field field : type.getDeclaredFields()) {
            apiClasses(field.getType(), found);
            Type generic = field.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        apiClasses(element, found);
                    }
                }
            }
        }
        return found;
    }
}
