package io.scalingstage.operator.api.v1alpha1;

/** PgBouncer's pool_mode; the names are PgBouncer's own. */
public enum PoolMode {
    session,
    transaction
}
