package clinic.smp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code src/main/resources/db/schema.sql} is the schema the migrations produce, in one file to read: a
 * {@code pg_dump --schema-only} of a fresh database migrated by Flyway, on the suite's PostgreSQL server.
 *
 * <p>
 * The test never skips: without a pg_dump of the server's major version it fails and says what to install (the
 * embedded server's binaries have no pg_dump; CI installs Debian's {@code postgresql-client-15}). A pg_dump of
 * another major version would print another dump, so it is refused rather than compared.
 */
@QuarkusTest
class SchemaFileTest {

    static final String REFRESH = "./mvnw test -Dtest=SchemaFileTest -Dschema.update=true";
    static final Path FILE = Path.of(System.getProperty("schema.file", "src/main/resources/db/schema.sql"));
    static final String MIGRATIONS = "classpath:db/migration";

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/.*");
    private static final Pattern PG_DUMP_VERSION = Pattern.compile("pg_dump \\(PostgreSQL\\) (\\d+)[.\\d]*.*");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void committedSchemaEqualsWhatTheMigrationsProduce() throws Exception {
        String produced = producedSchema();
        if (Boolean.getBoolean("schema.update")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, produced);
        }
        String committed = Files.exists(FILE) ? Files.readString(FILE) : "";
        assertThat(committed)
                .as(FILE + " differs from the schema the migrations in src/main/resources/db/migration produce. "
                        + "After adding or changing a migration, refresh the file with: " + REFRESH)
                .isEqualTo(produced);
    }

    /** Migrates a new, empty database of its own (the suite's database may hold whatever other tests left). */
    private String producedSchema() throws Exception {
        String database = "schema_file_" + UUID.randomUUID().toString().replace("-", "");
        int major;
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            major = connection.getMetaData().getDatabaseMajorVersion();
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        String pgDump = pgDump(major);
        Matcher server = JDBC_URL.matcher(url);
        assertThat(server.matches()).as("a PostgreSQL JDBC URL with a host: %s", url).isTrue();
        String host = server.group(1);
        String port = server.group(2) == null ? "5432" : server.group(2);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        try {
            String databaseUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
            Flyway.configure().dataSource(databaseUrl, user, password).locations(MIGRATIONS).load().migrate();
            String dump = run(List.of(pgDump, "--schema-only", "--no-owner", "--no-privileges", "--no-tablespaces",
                    "--exclude-table=public.flyway_schema_history", "--host=" + host, "--port=" + port,
                    "--username=" + user, "--dbname=" + database), password);
            return header(major) + normalise(dump);
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static String header(int major) {
        return "-- The schema after every migration in db/migration, as PostgreSQL " + major
                + "'s pg_dump --schema-only"
                + " prints it\n-- (Flyway's history table left out). Generated: do not edit. SchemaFileTest checks it;"
                + " refresh it with\n--   " + REFRESH + "\n\n";
    }

    /**
     * Leaves out what changes from run to run or machine to machine without the schema changing: the server's and
     * pg_dump's minor versions, the session settings, and the random key of psql's {@code \restrict} lines.
     */
    static String normalise(String dump) {
        List<String> kept = new ArrayList<>();
        for (String line : dump.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.startsWith("-- Dumped from database version") || trimmed.startsWith("-- Dumped by pg_dump")
                    || trimmed.startsWith("SET ") || trimmed.startsWith("SELECT pg_catalog.set_config(")
                    || trimmed.startsWith("\\restrict ") || trimmed.startsWith("\\unrestrict ")) {
                continue;
            }
            boolean blank = trimmed.isEmpty();
            if (blank && (kept.isEmpty() || kept.get(kept.size() - 1).isEmpty())) {
                continue;
            }
            kept.add(trimmed);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        // pg_dump's banner comment ("-- PostgreSQL database dump") is kept: it says what the rest of the file is.
        return kept.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * The pg_dump of the server's major version: {@code -Dschema.pg_dump=PATH}, else Debian's and PGDG's
     * {@code /usr/lib/postgresql/MAJOR/bin/pg_dump}, else {@code pg_dump} on the PATH.
     */
    private static String pgDump(int major) {
        String install =
                "Install PostgreSQL " + major + "'s client (Debian and Ubuntu: apt-get install postgresql-client-"
                        + major + "; .ci/run does) or point -Dschema.pg_dump at its pg_dump.";
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("schema.pg_dump")).ifPresent(candidates::add);
        candidates.add("/usr/lib/postgresql/" + major + "/bin/pg_dump");
        candidates.add("pg_dump");
        List<String> found = new ArrayList<>();
        for (String candidate : candidates) {
            Optional<String> version = version(candidate);
            if (version.isEmpty()) {
                continue;
            }
            Matcher matcher = PG_DUMP_VERSION.matcher(version.get());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == major) {
                return candidate;
            }
            found.add(candidate + " is " + version.get());
        }
        throw new AssertionError("SchemaFileTest needs pg_dump " + major + ", the major version of the test server; "
                + (found.isEmpty() ? "found no pg_dump (tried " + String.join(", ", candidates) + ")"
                        : "found only " + String.join("; ", found))
                + ". " + install);
    }

    private static Optional<String> version(String pgDump) {
        try {
            return Optional.of(run(List.of(pgDump, "--version"), "").strip());
        } catch (IOException e) {
            return Optional.empty(); // not there, or not executable
        }
    }

    private static String run(List<String> command, String password) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + errors.join().strip());
        }
        return out;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
