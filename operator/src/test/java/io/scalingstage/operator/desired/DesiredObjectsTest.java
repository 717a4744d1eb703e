package io.scalingstage.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Golden files: every folder under {@code src/test/resources/desired/} holds a ScalingStage ({@code in.yaml}) and the
 * full desired state the builders derive from it ({@code out.yaml}: the CloudNativePG Cluster, then the topology).
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after an intended change, then review the diff.
 */
class DesiredObjectsTest {

    private static final Path CASES = Path.of("src/test/resources/desired");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> derivedObjectsMatchTheGoldenFiles() throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(CASES)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        StagePlan plan = StagePlan.of(ScalingStages.fromYaml(Files.readString(dir.resolve("in.yaml"))));
        AtomicInteger generated = new AtomicInteger();
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(DatabaseCluster.desired(plan, OptionalInt.empty()));
        objects.addAll(Topology.of(plan, () -> "generated-password-" + generated.incrementAndGet()));
        String actual = objects.stream().map(ScalingStages.SERIALIZATION::asYaml).collect(Collectors.joining());
        Path expected = dir.resolve("out.yaml");
        if (UPDATE) {
            Files.writeString(expected, actual);
        }
        assertThat(expected).exists();
        assertThat(actual).as(expected.toString()).isEqualTo(Files.readString(expected));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("in.yaml", "out.yaml");
        }
    }
}
