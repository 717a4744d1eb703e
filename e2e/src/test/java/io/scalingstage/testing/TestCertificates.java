package io.scalingstage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 it signed, made with openssl, for a test
 * server that must be trusted through a CA bundle.
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static final String KEY_STORE_PASSWORD = "changeit";

    public static TestCertificates create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path extensions = directory.resolve("server.ext");
            Files.writeString(extensions, "subjectAltName=IP:127.0.0.1\n", StandardCharsets.UTF_8);
            String dir = directory.toString();
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=scalingstage-test-ca",
                    "-keyout", dir + "/ca.key", "-out", dir + "/ca.crt");
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", dir + "/server.key", "-out", dir + "/server.csr");
            openssl("x509", "-req", "-days", "1", "-in", dir + "/server.csr", "-CA", dir + "/ca.crt", "-CAkey",
                    dir + "/ca.key", "-CAcreateserial", "-extfile", extensions.toString(), "-out", dir + "/server.crt");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new TestCertificates(directory.resolve("ca.crt"), directory.resolve("server.crt"),
                directory.resolve("server.key"));
    }

    /** The server's key and certificate as a PKCS#12 key store, password {@link #KEY_STORE_PASSWORD}, for a JDK server. */
    public Path serverKeyStore() {
        Path store = serverCertificate.resolveSibling("server.p12");
        openssl("pkcs12", "-export", "-in", serverCertificate.toString(), "-inkey", serverKey.toString(), "-out",
                store.toString(), "-passout", "pass:" + KEY_STORE_PASSWORD);
        return store;
    }

    public String caPem() {
        try {
            return Files.readString(caCertificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openssl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Commands.output(command);
    }
}
