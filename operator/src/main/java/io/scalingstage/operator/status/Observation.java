package io.scalingstage.operator.status;

import io.scalingstage.operator.plan.Component;

/**
 * What the operator saw of one child object.
 *
 * @param component the stage-ladder component it belongs to
 * @param kind the object's kind
 * @param name the object's name
 * @param ready whether the object reports itself ready
 * @param message why not, when it is not
 */
public record Observation(Component component, String kind, String name, boolean ready, String message) {

    public static Observation ready(Component component, String kind, String name) {
        return new Observation(component, kind, name, true, null);
    }

    public static Observation notReady(Component component, String kind, String name, String message) {
        return new Observation(component, kind, name, false, message);
    }
}
