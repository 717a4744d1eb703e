package io.scalingstage.operator.api.v1alpha1;

/** What happens to data-bearing children when they are no longer wanted. */
public enum Retention {
    /** Keep the database, its volumes and the shards' volumes. */
    Retain,
    /** Delete them. */
    Delete
}
