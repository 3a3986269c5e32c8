package dev.wsbench.results;

/** A result file that cannot be used; the message names the file and what is wrong with it. */
public final class ResultFileException extends RuntimeException {
    public ResultFileException(String message) {
        super(message);
    }
}
