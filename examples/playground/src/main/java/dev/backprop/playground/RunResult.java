package dev.backprop.playground;

import java.util.List;

/**
 * The answer to one {@code POST /run}, written as JSON.
 *
 * @param id the run's id (the one {@code POST /stop/{id}} takes)
 * @param kind {@code ok}, {@code error}, {@code limit} or {@code interrupted}
 * @param output what the script printed (print, console.log and console.error, in order)
 * @param error the script's error, or null when kind is ok
 * @param charts the charts the script saved with plot.save, in name order
 * @param ms wall time of the run, from taking a pool slot to the answer
 * @param setupMs of which making the fresh sandbox took this long
 * @param runtime the JavaScript runtime's name ({@code Sandbox.runtimeInfo().runtime()})
 */
record RunResult(String id, String kind, String output, ErrorInfo error, List<Chart> charts, long ms, long setupMs,
        String runtime) {

    /** A script error with the place it happened (line and column are 1-based, -1 when unknown). */
    record ErrorInfo(String name, String message, int line, int column) {
    }

    /** A chart file from the run's write folder: SVG as text, PNG as base64. */
    record Chart(String name, String svg, String png) {
    }
}
