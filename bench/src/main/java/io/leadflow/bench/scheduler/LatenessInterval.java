package io.leadflow.bench.scheduler;

/**
 * Lateness of the spread touches due in one interval, so the report shows when dispatch fell behind.
 *
 * @param fromSecond seconds after the start at which this interval's touches were due
 */
record LatenessInterval(long fromSecond, long touches, double p50Ms, double p99Ms, double maxMs) {
}
