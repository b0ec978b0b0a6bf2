package io.leadflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Leadflow checkout: the nearest directory, from the working directory up, holding {@code local-stack/pom.xml}. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path locate() {
        String configured = System.getProperty("leadflow.repo");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path workingDir = Path.of("").toAbsolutePath();
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("local-stack").resolve("pom.xml"))) {
                return dir;
            }
        }
        return workingDir;
    }
}
