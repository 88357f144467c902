package dev.multidb.app;

/**
 * An error a person can act on: what is wrong and what to do, kept as two fields (as Flyway keeps an
 * {@code ErrorCode} beside its text) so the command line prints them without looking for a separator.
 */
public abstract class AdvisedException extends RuntimeException {

    private final String problem;
    private final String advice;

    protected AdvisedException(String problem, String advice, Throwable cause) {
        super(problem + "; " + advice, cause);
        this.problem = problem;
        this.advice = advice;
    }

    /** What is wrong, e.g. {@code DATABASE1_POOL_SIZE is 'abc', not a whole number}. */
    public String problem() {
        return problem;
    }

    /** What to do about it, e.g. {@code set it to a number from 1 to 10000}. */
    public String advice() {
        return advice;
    }
}
