package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.scalingstage.testing.Toolchain;

/** The CRD checked in under crds/ is exactly the one the build generates from the Java API classes. */
class CrdDriftIT {

    @Test
    void checkedInCrdIsTheGeneratedOne() throws IOException {
        Path root = Toolchain.get().root();
        Path generated = root.resolve("operator/target/kubernetes/scalingstages.scalingstage.io-v1.yml");
        Path checkedIn = Toolchain.get().scalingStageCrd();
        assertThat(generated).as("the build generates the CRD").exists();
        assertThat(Files.readString(checkedIn))
                .as("crds/ is out of date with the API classes; after ./mvnw package run: cp %s %s",
                        root.relativize(generated), root.relativize(checkedIn))
                .isEqualTo(Files.readString(generated));
    }
}
