package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One object the operator manages. */
public class ComponentStatus {

    @JsonPropertyDescription("The component of the stage ladder this object belongs to, for example app or database.")
    private String component;

    @JsonPropertyDescription("The object's kind.")
    private String kind;

    @JsonPropertyDescription("The object's name.")
    private String name;

    @JsonPropertyDescription("Whether the object reports itself ready.")
    private Boolean ready;

    @JsonPropertyDescription("Why the object is not ready, when it says.")
    private String message;

    public String getComponent() {
        return component;
    }

    public void setComponent(String component) {
        this.component = component;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
