package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Redis's maxmemory-policy values. */
public enum MaxMemoryPolicy {
    @JsonProperty("noeviction")
    NOEVICTION,
    @JsonProperty("allkeys-lru")
    ALLKEYS_LRU,
    @JsonProperty("allkeys-lfu")
    ALLKEYS_LFU,
    @JsonProperty("allkeys-random")
    ALLKEYS_RANDOM,
    @JsonProperty("volatile-lru")
    VOLATILE_LRU,
    @JsonProperty("volatile-lfu")
    VOLATILE_LFU,
    @JsonProperty("volatile-random")
    VOLATILE_RANDOM,
    @JsonProperty("volatile-ttl")
    VOLATILE_TTL;

    /** The value as Redis spells it. */
    public String redisName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
