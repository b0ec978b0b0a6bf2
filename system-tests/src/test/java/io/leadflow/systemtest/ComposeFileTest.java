package io.leadflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * No Docker engine runs on the development machines, so docker-compose.yml cannot be started here.
 * This checks what can be checked without one: every built service has its Dockerfile in the
 * repository, and every environment variable given to a Leadflow service is one of its real
 * configuration keys (a typo would otherwise be silently ignored by the service).
 */
class ComposeFileTest {

    private static final Path REPO = Path.of(System.getProperty("leadflow.home", ".."));
    private static final Map<String, String> MODULE_OF_SERVICE = Map.of(
            "lead-intake", "lead-intake",
            "cadence-engine", "cadence-engine",
            "notifier", "notifier");

    private final JsonNode compose = readCompose();

    @Test
    void shouldBuildEveryBuiltServiceFromADockerfileInThisRepository() {
        List<String> built = new ArrayList<>();
        services().forEach(entry -> {
            JsonNode build = entry.getValue().get("build");
            if (build != null) {
                Path dockerfile = REPO.resolve(build.path("context").asText(".")).resolve(build.path("dockerfile").asText("Dockerfile"));
                assertThat(dockerfile).as("Dockerfile of %s", entry.getKey()).isRegularFile();
                assertThat(contentOf(dockerfile)).contains("FROM ");
                built.add(entry.getKey());
            }
        });
        assertThat(built).containsExactlyInAnyOrder("sms-sink", "lead-intake", "cadence-engine", "notifier");
    }

    @Test
    void shouldGiveEachLeadflowServiceOnlyEnvironmentVariablesThatAreItsConfigKeys() throws IOException {
        for (Map.Entry<String, String> service : MODULE_OF_SERVICE.entrySet()) {
            Set<String> envNamesOfKeys = configKeys(service.getValue()).stream()
                    .map(ComposeFileTest::envNameOf)
                    .collect(Collectors.toSet());
            List<String> env = environmentOf(service.getKey());

            assertThat(env).as("environment of %s", service.getKey()).isNotEmpty();
            assertThat(envNamesOfKeys).as("config keys of %s", service.getKey()).containsAll(env);
        }
    }

    @Test
    void shouldGiveTheSmsSinkOnlyVariablesItReads() {
        String sinkMain = contentOf(REPO.resolve("local-stack/src/main/java/io/leadflow/localstack/sms/SmsSinkMain.java"));
        assertThat(environmentOf("sms-sink")).allSatisfy(name -> assertThat(sinkMain).contains('"' + name + '"'));
    }

    private List<String> environmentOf(String service) {
        List<String> names = new ArrayList<>();
        compose.path("services").path(service).path("environment").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Iterable<Map.Entry<String, JsonNode>> services() {
        List<Map.Entry<String, JsonNode>> services = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields(); it.hasNext();) {
            services.add(it.next());
        }
        return services;
    }

    /** The keys of a module's application.properties, with any %profile prefix removed. */
    private static List<String> configKeys(String module) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(REPO.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .toList();
    }

    /** MicroProfile Config's environment-variable form of a key. */
    static String envNameOf(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static JsonNode readCompose() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("docker-compose.yml cannot be read", e);
        }
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
