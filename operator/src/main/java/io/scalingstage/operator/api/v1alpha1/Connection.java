package io.scalingstage.operator.api.v1alpha1;

/** A data tier a split-out service may be wired to, as the app is to all of them. */
public enum Connection {
    /** DATABASE_URL (and DATABASE_READ_URL from stage 6), through the poolers when they exist. */
    Database,
    /** REDIS_URL and REDIS_PASSWORD. */
    Cache,
    /** The shard map and every shard's credentials, mounted at SHARD_MAP's folder. */
    Shards
}
