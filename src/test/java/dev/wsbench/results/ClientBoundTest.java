package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client-bound rule, and where a flagged row shows: the echo table's column and the run's list. */
class ClientBoundTest {
    private static JmhResult echo(String client, double processCpu, double serverCpu) {
        String row = JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"client\":\"" + client + "\",\"size\":\"256\",\"type\":\"BINARY\",\"placement\":\"FREE\"", 10000, "ops/s");
        String cpu = "\"cpu.us/op\":{\"score\":" + processCpu + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[" + processCpu + "]]},"
                + "\"cpu.server.us/op\":{\"score\":" + serverCpu + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[" + serverCpu + "]]}";
        return JmhResultFileTest.parse(row.substring(0, row.length() - 1) + ",\"secondaryMetrics\":{" + cpu + "}}").get(0);
    }

    @Test
    void theRestOfTheProcessAgainstTheServer() {
        JmhResult reference = echo("REFERENCE", 46.8, 23.1); // Netty with the reference client, FREE, 2026-11-26: 1.03
        JmhResult okhttp = echo("OKHTTP", 89.6, 17.1);       // OkHttp's client on Netty's server: 4.24
        assertEquals(1.03, ClientBound.ratio(reference), 0.01);
        assertFalse(ClientBound.isClientBound(reference));
        assertTrue(ClientBound.isClientBound(okhttp));
        JmhResult noCpu = JmhResultFileTest.parse(JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 1, "ops/s")).get(0);
        assertTrue(Double.isNaN(ClientBound.ratio(noCpu)));
        assertFalse(ClientBound.isClientBound(noCpu));
        String raw = JmhResultFileTest.result("RawTcpEchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 1, "ops/s");
        JmhResult floor = JmhResultFileTest.parse(raw.substring(0, raw.length() - 1) + ",\"secondaryMetrics\":{"
                + "\"cpu.us/op\":{\"score\":67.5,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[67.5]]},"
                + "\"cpu.server.us/op\":{\"score\":26.5,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[26.5]]}}}").get(0);
        assertFalse(ClientBound.isClientBound(floor), "raw TCP (1.55 on 2026-12-03) is the floor, not a server under test");
    }

    @Test
    void flaggedRowsShowInTheEchoTableAndTheRunsList() {
        String tables = RunSummary.markdown(List.of(echo("REFERENCE", 46.8, 23.1), echo("OKHTTP", 89.6, 17.1)));
        assertTrue(tables.contains("| client CPU |") && tables.contains("client-bound: 4.2× the server's"), tables);
        assertTrue(tables.contains("Client-bound rows") && tables.contains("client=OKHTTP") && !tables.contains("client=REFERENCE,"), tables);
        assertFalse(RunSummary.markdown(List.of(echo("REFERENCE", 46.8, 23.1))).contains("client-bound"));
    }
}
