package io.scalingstage.operator.api.v1alpha1;

/** The string formats the CRD schema enforces, kept in one place so every field uses the same rule. */
final class Formats {

    private Formats() {
    }

    /**
     * An OCI image reference: optional lowercase registry (with port), lowercase path components, an optional tag
     * and an optional sha256 digest. Uppercase is only legal in the tag; spaces nowhere.
     */
    static final String IMAGE = "^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]{1,5})?/)?"
            + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$";

    /** A Go duration made of ms, s, m and h parts, like {@code 30s} or {@code 1h30m}. */
    static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

    /** An absolute URL path without white space (a health check may carry a query). */
    static final String URL_PATH = "^/[^\\s]*$";

    /**
     * A path prefix routed by the Ingress and by nginx: one or more segments of URL-safe characters, nothing nginx
     * would read as syntax ({@code ; { } " #}), and never {@code /} alone, which is everything else's route.
     */
    static final String PATH_PREFIX = "^(/[A-Za-z0-9._~%@+-]+)+/?$";

    /** An RFC 1035 label, the rule for Service names. */
    static final String DNS_LABEL = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    /** An RFC 1123 subdomain, the rule for host names and object names. */
    static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /**
     * A non-negative Kubernetes quantity (the apimachinery grammar without the minus sign), escaped for a JSON
     * string: {@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}.
     */
    static final String NON_NEGATIVE_QUANTITY_PATTERN = "^\\\\+?(([0-9]+(\\\\.[0-9]*)?)|(\\\\.[0-9]+))"
            + "(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+(\\\\.[0-9]*)?)|(\\\\.[0-9]+))))?$";

    /** CEL: an int-or-string field holds a positive Kubernetes quantity. */
    static final String POSITIVE_QUANTITY =
            "type(self) == int ? self > 0 : isQuantity(self) && quantity(self).isGreaterThan(quantity('0'))";
}
