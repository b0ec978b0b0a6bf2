package io.leadflow.localstack.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the directory holding the broker's jars (gathered by the {@code local-stack/kafka-runtime} module). */
final class KafkaLibs {

    private static final Path RELATIVE_LOCATION = Path.of("local-stack", "kafka-runtime", "target", "kafka-libs");

    private KafkaLibs() {
    }

    static Path locate() {
        String configured = System.getProperty("leadflow.kafka.libs", System.getenv("LEADFLOW_KAFKA_LIBS"));
        if (configured != null && !configured.isBlank()) {
            return requireJars(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_LOCATION);
            if (Files.isDirectory(candidate)) {
                return requireJars(candidate);
            }
        }
        throw new IllegalStateException("Kafka broker jars not found (looked for " + RELATIVE_LOCATION
                + " from " + Path.of("").toAbsolutePath() + " upwards, and in -Dleadflow.kafka.libs / "
                + "LEADFLOW_KAFKA_LIBS): run ./mvnw -B -DskipTests package first");
    }

    private static Path requireJars(Path dir) {
        try (var jars = Files.list(dir)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IllegalStateException(dir + " holds no Kafka broker jar: run ./mvnw -B -DskipTests package first");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read Kafka broker jars in " + dir
                    + ": run ./mvnw -B -DskipTests package first", e);
        }
        return dir.toAbsolutePath();
    }
}
