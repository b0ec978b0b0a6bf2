package io.leadflow.bench.report;

import io.leadflow.bench.records.LeadOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page with two SVG charts over the seconds of the load: latencies (log
 * scale: per-second p50 and p99 of intake and of speed to first touch, and each lead's first touch
 * as a dot), and leads accepted, completed and in backlog.
 */
final class LatencyChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final int MAX_DOTS = 4000;

    private LatencyChart() {
    }

    static String html(BenchResult result, List<LeadOutcome> outcomes) {
        List<BenchResult.Second> seconds = result.perSecond();
        double maxSecond = Math.max(1, seconds.size());
        StringBuilder page = new StringBuilder();
        page.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Leadflow bench ").append(result.label())
                .append("</title><style>body{font-family:sans-serif;margin:24px}svg{background:#fff;border:1px solid #ddd}"
                        + ".legend span{display:inline-block;margin-right:16px}</style></head><body>");
        page.append("<h1>Leadflow bench: ").append(result.label()).append("</h1><p><code>").append(result.command())
                .append("</code><br>load average before ").append(result.machine().loadBefore()).append(", after ")
                .append(result.machine().loadAfter()).append("</p>");

        page.append("<h2>Latency by second of the load (ms, log scale)</h2>");
        page.append(legend(new String[] {"#1f77b4", "intake p50"}, new String[] {"#aec7e8", "intake p99"},
                new String[] {"#d62728", "first touch p50"}, new String[] {"#ff9896", "first touch p99"},
                new String[] {"#999", "first touch, one dot per lead"}));
        List<double[]> dots = new ArrayList<>();
        if (outcomes != null && !outcomes.isEmpty()) {
            Instant start = outcomes.stream().map(outcome -> outcome.posted().sentAt()).min(Instant::compareTo).orElseThrow();
            int step = Math.max(1, outcomes.size() / MAX_DOTS);
            for (int i = 0; i < outcomes.size(); i += step) {
                LeadOutcome outcome = outcomes.get(i);
                if (outcome.recorded() != null && outcome.recorded().speedToFirstTouchMs() != null) {
                    dots.add(new double[] {Duration.between(start, outcome.posted().sentAt()).toNanos() / 1e9,
                            outcome.recorded().speedToFirstTouchMs()});
                }
            }
        }
        double maxMs = 1;
        for (BenchResult.Second second : seconds) {
            maxMs = max(maxMs, second.intakeP99Ms(), second.firstTouchP99Ms());
        }
        for (double[] dot : dots) {
            maxMs = Math.max(maxMs, dot[1]);
        }
        double logMax = Math.log10(maxMs) + 0.1;
        Svg latency = new Svg(maxSecond, -0.3, logMax, true);
        latency.dots(dots, "#999");
        latency.line(seconds, BenchResult.Second::intakeP99Ms, "#aec7e8");
        latency.line(seconds, BenchResult.Second::intakeP50Ms, "#1f77b4");
        latency.line(seconds, BenchResult.Second::firstTouchP99Ms, "#ff9896");
        latency.line(seconds, BenchResult.Second::firstTouchP50Ms, "#d62728");
        page.append(latency.close());

        page.append("<h2>Leads over the load (cumulative) and backlog</h2>");
        page.append(legend(new String[] {"#2ca02c", "accepted (202)"}, new String[] {"#9467bd", "complete at the sinks"},
                new String[] {"#ff7f0e", "backlog (accepted − complete)"}));
        double maxCount = 1;
        for (BenchResult.Second second : seconds) {
            maxCount = max(maxCount, second.accepted(), second.completed(), second.backlog());
        }
        Svg counts = new Svg(maxSecond, 0, maxCount * 1.05, false);
        counts.line(seconds, BenchResult.Second::accepted, "#2ca02c");
        counts.line(seconds, BenchResult.Second::completed, "#9467bd");
        counts.line(seconds, BenchResult.Second::backlog, "#ff7f0e");
        page.append(counts.close());
        page.append("</body></html>\n");
        return page.toString();
    }

    private static double max(double current, double... values) {
        double max = current;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    @SafeVarargs
    private static String legend(String[]... entries) {
        StringBuilder legend = new StringBuilder("<div class=\"legend\">");
        for (String[] entry : entries) {
            legend.append("<span><svg width=\"14\" height=\"10\"><rect width=\"14\" height=\"10\" fill=\"").append(entry[0])
                    .append("\"/></svg> ").append(entry[1]).append("</span>");
        }
        return legend.append("</div>").toString();
    }

    /** One chart: x in seconds, y linear or log10 of the value. */
    private static final class Svg {
        private final StringBuilder svg = new StringBuilder();
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final boolean log;

        Svg(double maxX, double minY, double maxY, boolean log) {
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
            this.log = log;
            svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, HEIGHT));
            axes();
        }

        private void axes() {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                    LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                    LEFT, TOP, LEFT, HEIGHT - BOTTOM));
            int xStep = Math.max(1, (int) Math.ceil(maxX / 15));
            for (int s = 0; s <= maxX; s += xStep) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d s</text>",
                        x(s), HEIGHT - BOTTOM + 16, s));
            }
            if (log) {
                for (double decade = Math.ceil(minY); decade <= maxY; decade++) {
                    gridLine(Math.pow(10, decade), decade == Math.floor(decade) ? fmt(Math.pow(10, decade)) : "");
                }
            } else {
                double yStep = niceStep(maxY / 5);
                for (double v = 0; v <= maxY; v += yStep) {
                    gridLine(v, fmt(v));
                }
            }
        }

        private void gridLine(double value, String label) {
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    LEFT - 4, y + 4, label));
        }

        void line(List<BenchResult.Second> seconds, ToDoubleFunction<BenchResult.Second> value, String color) {
            StringBuilder points = new StringBuilder();
            for (BenchResult.Second second : seconds) {
                double v = value.applyAsDouble(second);
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(second.second() + 0.5), y(v)));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                    .append(points).append("\"/>");
        }

        void dots(List<double[]> dots, String color) {
            for (double[] dot : dots) {
                if (!log || dot[1] > 0) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\" fill-opacity=\"0.4\"/>",
                            x(dot[0]), y(dot[1]), color));
                }
            }
        }

        String close() {
            return svg.append("</svg>").toString();
        }

        private double x(double second) {
            return LEFT + (WIDTH - LEFT - RIGHT) * second / maxX;
        }

        private double y(double value) {
            double v = log ? Math.log10(Math.max(value, Math.pow(10, minY))) : value;
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (v - minY) / (maxY - minY);
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
            double normalized = raw / magnitude;
            return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
        }

        private static String fmt(double value) {
            return value >= 1 || value == 0 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
