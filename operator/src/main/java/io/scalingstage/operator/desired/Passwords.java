package io.scalingstage.operator.desired;

import java.security.SecureRandom;

/** Generates the passwords of the Secrets the operator creates; tests pass a predictable one. */
@FunctionalInterface
public interface Passwords {

    /** 32 letters and digits: no character needs escaping in a URL or a shell. */
    Passwords RANDOM = () -> {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    };

    String next();
}
