package clinic.smp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import clinic.smp.lead.LeadResourceTest;
import clinic.smp.security.TestKeys;

/**
 * Swagger UI in a real headless Chromium against the running service, as staff use it: authorize with a staff key,
 * reload (the key stays), then "Try it out" on GET /api/v1/leads with every default untouched lists the leads that
 * exist. The browser side is {@code openapi/swagger-ui-check/swagger-ui-check.mjs} (Node, playwright-core pinned in
 * its package.json, driving Debian's chromium).
 * <p>
 * Without node or chromium the test is skipped, unless {@code -Dbrowser-tests.required=true} (CI) makes it fail.
 * The property is not under smp.: the service's configuration (IntakeConfig, prefix smp) refuses an smp.* property it
 * does not know, and a @QuarkusTest's service reads the test JVM's system properties.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    static final String REQUIRED = "browser-tests.required";
    /** Beside the committed contract; failsafe runs from target/, so it is found from the contract's absolute path. */
    static final Path CHECK_DIR = Contract.FILE.resolveSibling("swagger-ui-check");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void staffAuthorizeOnceAndTryItOutListsTheLeads() {
        need(works("node", "--version") && works("npm", "--version"), "Node.js and npm");
        need(Files.isExecutable(CHROMIUM), CHROMIUM + " (Debian package chromium)");
        installBrowserDriver();

        List<String> leads = List.of(LeadResourceTest.newLead("Swagger Check One"),
                LeadResourceTest.newLead("Swagger Check Two"), LeadResourceTest.newLead("Swagger Check Three"));
        List<String> command = new ArrayList<>(List.of("node", "swagger-ui-check.mjs",
                RestAssured.baseURI + ":" + RestAssured.port, TestKeys.staff()));
        command.addAll(leads);

        Run check = run(command, Duration.ofMinutes(2));
        System.out.println(check.output());
        assertThat(check.exitCode()).as("the Swagger UI check failed (exit %d):%n%s", check.exitCode(), check.output())
                .isZero();
    }

    /** Skips the test with the reason, or fails it when browser tests are required. */
    private static void need(boolean present, String what) {
        if (present) {
            return;
        }
        String missing = "The Swagger UI browser check needs " + what + ", which is not on this machine";
        if (Boolean.getBoolean(REQUIRED)) {
            fail(missing + " (and -D" + REQUIRED + "=true makes it required).");
        }
        String skipped = missing + ": skipped (-D" + REQUIRED + "=true would fail instead).";
        System.out.println(skipped); // Surefire's summary counts a skip but does not say why
        Assumptions.abort(skipped);
    }

    /** playwright-core, pinned in package-lock.json; npm ci again whenever the lock file is newer than the install. */
    private static void installBrowserDriver() {
        Path installed = CHECK_DIR.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(CHECK_DIR.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Duration.ofMinutes(5));
        assertThat(install.exitCode()).as("npm ci in %s failed:%n%s", CHECK_DIR, install.output()).isZero();
    }

    private static boolean works(String... command) {
        try {
            return run(List.of(command), Duration.ofSeconds(30)).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false; // not installed
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in the check's folder, stdout and stderr together; killed with its children on timeout. */
    private static Run run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).directory(CHECK_DIR.toFile()).redirectErrorStream(true)
                    .start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command.subList(0, 2)) + " did not finish within " + timeout.toSeconds()
                        + " s:\n" + output.join());
            }
            return new Run(process.exitValue(), output.join().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
