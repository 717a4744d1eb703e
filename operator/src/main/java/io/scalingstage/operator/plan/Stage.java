package io.scalingstage.operator.plan;

import java.util.Arrays;

/**
 * The eight stages of the scaling ladder, with what each one warns against: the essays' "common over-engineering"
 * column, shown when a component is forced on before its stage earns it.
 */
public enum Stage {
    ONE_BOX(1, "OneBox", "Microservices, caches or replicas on day one: one box is enough until CPU says otherwise."),
    SPLIT_TIERS(2, "SplitTiers", "Adding Redis before splitting the database from the app: the split buys the headroom first."),
    LOAD_BALANCED(3, "LoadBalanced", "A service mesh or a large cluster for two web pods."),
    STATIC_EDGE(4, "StaticEdge", "Edge compute before edge caching of static bytes has been used up."),
    CACHE(5, "Cache", "Caching everything: cache invalidation becomes the problem."),
    READ_REPLICAS(6, "ReadReplicas", "Six replicas when two would do."),
    SHARDED(7, "Sharded", "Sharding before vertical Postgres is used up: cross-shard joins are forever."),
    DISTRIBUTED(8, "Distributed", "Thirty services for thirty engineers: services follow team boundaries, not nouns.");

    public static final Stage LAST = DISTRIBUTED;

    private final int number;
    private final String title;
    private final String overEngineering;

    Stage(int number, String title, String overEngineering) {
        this.number = number;
        this.title = title;
        this.overEngineering = overEngineering;
    }

    public static Stage of(int number) {
        return Arrays.stream(values())
                .filter(s -> s.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + number + ": stages are 1 to 8"));
    }

    public int number() {
        return number;
    }

    /** The over-engineering this stage's essays warn about. */
    public String overEngineering() {
        return overEngineering;
    }

    public boolean isAtLeast(Stage other) {
        return number >= other.number;
    }

    @Override
    public String toString() {
        return number + " (" + title + ")";
    }
}
