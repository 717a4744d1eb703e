package io.scalingstage.operator.api.v1alpha1;

/** How one component follows the stage ladder. */
public enum ComponentMode {
    /** Exists from the stage that earns it. */
    Auto,
    /** Exists whatever the stage; before its stage it sets PrematureScaling. */
    Enabled,
    /** Never exists; data-bearing components are kept unless retention is Delete. */
    Disabled
}
