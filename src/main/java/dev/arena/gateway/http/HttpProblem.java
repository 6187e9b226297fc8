package dev.arena.gateway.http;

/**
 * A problem that exists only at the HTTP edge (malformed JSON, body too large): domain code never
 * sees these. Stackless for the same reason as the domain errors: bad input must stay cheap.
 */
public final class HttpProblem extends RuntimeException {
    private final Problem problem;

    public HttpProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static HttpProblem malformedJson(String detail) {
        return new HttpProblem(Problem.of("malformed-json", "Malformed JSON", 400, detail));
    }
}
