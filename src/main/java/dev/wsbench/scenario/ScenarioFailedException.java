package dev.wsbench.scenario;

import java.util.concurrent.TimeoutException;

/** A scenario step failed; the message names server, scenario, size and what went wrong. */
public final class ScenarioFailedException extends RuntimeException {
    public ScenarioFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScenarioFailedException(String message) {
        super(message);
    }

    /** Wraps a failure of a step, with a hint for timeouts. */
    static ScenarioFailedException of(String context, Exception e) {
        if (e instanceof ScenarioFailedException s) {
            return s;
        }
        if (e instanceof TimeoutException) {
            return new ScenarioFailedException(context + ": " + e.getMessage() + " (raise the limit with -Dwsbench.timeoutMs=...)", e);
        }
        return new ScenarioFailedException(context + ": " + e, e);
    }
}
