package clinic.smp.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import clinic.smp.common.problem.DatabaseFailures;

/**
 * The tests run this project's code with assertions on and the PostgreSQL driver with assertions off, as production
 * runs it (pom.xml, surefire's argLine). With them on, a connection that breaks in the middle of a JDBC batch makes the
 * driver fail its own {@code assert false} (BatchResultHandler.isAutoCommit) instead of throwing the SQLException it
 * throws in production, and DatabaseOutageTest meets a 500 where the service answers 503.
 *
 * <p>
 * Checked on the classes as the running application loads them, not as the test's class path would.
 */
@QuarkusTest
class AssertionsAsInProductionTest {

    @Test
    void theDriverRunsWithoutAssertionsAndOurCodeWithThem() throws ClassNotFoundException {
        ClassLoader application = DatabaseFailures.class.getClassLoader();
        Class<?> batchResults = Class.forName("org.postgresql.jdbc.BatchResultHandler", false, application);

        assertThat(batchResults.desiredAssertionStatus()).as("the driver's assertions").isFalse();
        assertThat(DatabaseFailures.class.desiredAssertionStatus()).as("this project's assertions").isTrue();
    }
}
