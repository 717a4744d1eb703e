package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How traffic enters from stage 2. */
public class IngressSpec {

    @Size(max = 253)
    @Pattern(Formats.DNS_SUBDOMAIN)
    @JsonPropertyDescription("The host name the Ingress answers for; unset answers for any host.")
    private String host;

    @Size(max = 253)
    @Pattern(Formats.DNS_SUBDOMAIN)
    @JsonPropertyDescription("The IngressClass to use; unset uses the cluster's default class.")
    private String className;

    @Size(max = 253)
    @Pattern(Formats.DNS_SUBDOMAIN)
    @JsonPropertyDescription("A Secret of type kubernetes.io/tls; when set, the Ingress terminates TLS for host with it.")
    private String tlsSecretName;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public String getTlsSecretName() {
        return tlsSecretName;
    }

    public void setTlsSecretName(String tlsSecretName) {
        this.tlsSecretName = tlsSecretName;
    }
}
