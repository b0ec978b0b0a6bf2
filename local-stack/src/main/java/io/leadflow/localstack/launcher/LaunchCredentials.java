package io.leadflow.localstack.launcher;

import io.leadflow.localstack.LocalStack;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The demo source key and ops token, generated on first start and kept in the data directory. */
record LaunchCredentials(String demoSourceKey, String opsToken) {

    private static final String FILE_NAME = "credentials.properties";

    static LaunchCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            boolean changed = properties.putIfAbsent("demo-source-key", "lf_demo_" + LocalStack.randomSecret(16)) == null;
            changed |= properties.putIfAbsent("ops-token", "lf_ops_" + LocalStack.randomSecret(16)) == null;
            if (changed) {
                Files.createDirectories(dataDir);
                try (Writer writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "Leadflow local run: delete to get new ones");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        return new LaunchCredentials(properties.getProperty("demo-source-key"), properties.getProperty("ops-token"));
    }
}
