package io.scalingstage.operator.status;

/**
 * What the operator saw of one child object.
 *
 * @param component the stage-ladder component it belongs to, as its component label says
 * @param kind the object's kind
 * @param name the object's name
 * @param ready whether the object reports itself ready
 * @param message why not, when it is not
 * @param failure the reason the object reports a failure (Deployment ProgressDeadlineExceeded and the like), or null
 */
public record Observation(String component, String kind, String name, boolean ready, String message, String failure) {

    public static Observation ready(String component, String kind, String name) {
        return new Observation(component, kind, name, true, null, null);
    }

    public static Observation notReady(String component, String kind, String name, String message) {
        return new Observation(component, kind, name, false, message, null);
    }

    public String describe() {
        return kind + " " + name;
    }
}
