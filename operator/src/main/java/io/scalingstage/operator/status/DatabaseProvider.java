package io.scalingstage.operator.status;

/**
 * Whether the database provider's API is served, as the status reports it.
 *
 * @param installed whether CloudNativePG's API is served
 * @param apiVersion the API version looked for
 * @param recheckSeconds how often a missing provider is looked for again
 */
public record DatabaseProvider(boolean installed, String apiVersion, long recheckSeconds) {
}
