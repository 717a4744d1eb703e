package io.scalingstage.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Golden files: every folder under {@code src/test/resources/desired/} holds a ScalingStage ({@code in.yaml}) and the
 * objects the builders must derive from it ({@code out-<Kind>-<name>.yaml}). Run with {@code -Dgolden.update=true} to
 * rewrite the expected files after an intended change, then review the diff.
 */
class DesiredObjectsTest {

    private static final Path CASES = Path.of("src/test/resources/desired");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final List<Function<StagePlan, HasMetadata>> BUILDERS = List.of(
            AppDeployment::desired, AppService::desired, DatabaseCluster::desired);

    @TestFactory
    Stream<DynamicTest> derivedObjectsMatchTheGoldenFiles() throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(CASES)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        StagePlan plan = StagePlan.of(ScalingStages.fromYaml(Files.readString(dir.resolve("in.yaml"))));
        Set<Path> used = new HashSet<>(Set.of(dir.resolve("in.yaml")));
        for (Function<StagePlan, HasMetadata> builder : BUILDERS) {
            HasMetadata object = builder.apply(plan);
            Path expected = dir.resolve("out-" + object.getKind() + "-" + object.getMetadata().getName() + ".yaml");
            String actual = ScalingStages.SERIALIZATION.asYaml(object);
            if (UPDATE) {
                Files.writeString(expected, actual);
            }
            assertThat(expected).as("golden file for %s %s", object.getKind(), object.getMetadata().getName()).exists();
            assertThat(actual).as(expected.toString()).isEqualTo(Files.readString(expected));
            used.add(expected);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> !used.contains(f)).toList()).as("files no builder produced").isEmpty();
        }
    }
}
