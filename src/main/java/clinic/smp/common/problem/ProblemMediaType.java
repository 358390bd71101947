package clinic.smp.common.problem;

/** The media type of RFC 9457 problem documents. */
public final class ProblemMediaType {
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    private ProblemMediaType() {
    }
}
