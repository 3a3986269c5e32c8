package dev.wsbench.jmh;

import dev.wsbench.scenario.LatencyLog;
import dev.wsbench.scenario.LatencyRecord;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A latency distribution kept beside JMH's own figures: reset at each iteration, kept from
 * measurement iterations only, reported at the end of the trial by the benchmark that owns it
 * (see {@link LatencyLog} for where it goes).
 */
@State(Scope.Benchmark)
public class LatencyState {
    public final LatencyLog log = new LatencyLog();

    @Setup(Level.Iteration)
    public void startIteration() {
        log.startIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        log.endIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    /** Prints and appends the measured distribution, labelled with the benchmark and its parameters. */
    public void report(BenchmarkParams benchmark, String metric, Consumer<LatencyRecord> extra) {
        report(log, benchmark, metric, extra);
    }

    /** The same for a log a benchmark keeps itself (the open loop ends its iterations in its own order). */
    static void report(LatencyLog log, BenchmarkParams benchmark, String metric, Consumer<LatencyRecord> extra) {
        LatencyRecord record = new LatencyRecord();
        record.benchmark = benchmark.getBenchmark();
        record.metric = metric;
        for (String key : benchmark.getParamsKeys()) {
            record.params.put(key, benchmark.getParam(key));
        }
        extra.accept(record);
        log.report(record);
    }
}
