package org.dlmexact.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.theory.Audit;
import org.dlmexact.theory.ChenCongLiChain;
import org.dlmexact.theory.ChenCongLiOptimalSchedule;
import org.dlmexact.theory.LiCaiTheorem1;

/**
 * An SVG plot of an audit: error against the number of steps {@code T}, both axes logarithmic,
 * with the path-averaged error, the output error, Li-Cai's Theorem 1 bound, Chen-Cong-Li's
 * sharper chain, the {@code TC/T} reference and the optimal schedule's error (a closed-form audit
 * has no output error; its legend says so). Each point carries its certified decimal and exact
 * value in a tooltip ({@code <title>}; long symbolic texts omitted, {@link Values#exactText}). The
 * {@code T} axis has a tick per step up to 20 steps, and at 1, 2, 5, 10, ... and {@code L} beyond. Zero and infinite values
 * cannot sit on a log axis and are left out (the caption says how many). Pixel positions are
 * computed in floating point from the certified decimals: drawing only, never a verdict.
 */
public final class AuditPlot {

    /** Series ids (also the SVG group ids), in legend order. */
    public static final List<String> SERIES = List.of("path-error", "output-error", "li-cai-bound", "chain-bound",
            "reference-1-over-t", "optimal-error");
    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        LABELS.put("path-error", "path error E_B KL(mu||nu_B)");
        LABELS.put("output-error", "output error KL(mu||nu)");
        LABELS.put("li-cai-bound", "Li-Cai Thm 1 bound");
        LABELS.put("chain-bound", "Chen-Cong-Li F.1 chain");
        LABELS.put("reference-1-over-t", "reference TC/T");
        LABELS.put("optimal-error", "optimal schedule with T steps");
        COLOURS.put("path-error", "#1f77b4");
        COLOURS.put("output-error", "#2ca02c");
        COLOURS.put("li-cai-bound", "#d62728");
        COLOURS.put("chain-bound", "#ff7f0e");
        COLOURS.put("reference-1-over-t", "#7f7f7f");
        COLOURS.put("optimal-error", "#9467bd");
    }

    private static final int WIDTH = 860;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 330;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private AuditPlot() {
    }

    private static final class Point {
        final int t;
        final ExactReal value;

        Point(int t, ExactReal value) {
            this.t = t;
            this.value = value;
        }
    }

    /** The SVG document. */
    //@ requires audit != null && title != null;
    //@ pure
    public static String svg(Audit audit, String title) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (String s : SERIES) {
            series.put(s, new ArrayList<>());
        }
        int skipped = 0;
        int l = audit.info().length();
        ExactReal sumI = audit.info().sumMutualInformation();
        for (Audit.Row r : audit.rows()) {
            int t = r.schedule().steps();
            skipped += add(series.get("path-error"), t, r.pathAveragedKL());
            if (r.outputKL() != null) {
                skipped += add(series.get("output-error"), t, r.outputKL());
            }
            Divergence eps = r.trainingErrorStepWeighted();
            skipped += add(series.get("li-cai-bound"), t, eps.isInfinite() ? eps : Divergence.finite(
                    sumI.multiply(LiCaiTheorem1.constant(l, r.schedule().maxSize())).add(eps.value())));
            skipped += add(series.get("chain-bound"), t,
                    Divergence.finite(ChenCongLiChain.middle(audit.info(), r.schedule())));
        }
        for (int t = 1; t <= l; t++) {
            skipped += add(series.get("reference-1-over-t"), t,
                    Divergence.finite(audit.info().totalCorrelation().multiply(Rational.of(1, t))));
        }
        for (ChenCongLiOptimalSchedule.Optimum o : audit.optima()) {
            skipped += add(series.get("optimal-error"), o.steps(), Divergence.finite(o.error()));
        }
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (List<Point> ps : series.values()) {
            for (Point p : ps) {
                double y = Math.log10(p.value.toDouble());
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (yMin > yMax) {
            yMin = -3;
            yMax = 0;
        }
        double lo = Math.floor(yMin);
        double hi = Math.max(Math.ceil(yMax), lo + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(esc(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"14\">").append(esc(title)).append("</text>\n");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        sb.append("<g id=\"axes\" stroke=\"black\" fill=\"none\">\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n", LEFT, TOP, plotW, plotH));
        sb.append("</g>\n<g id=\"ticks\" font-size=\"11\">\n");
        for (int d = (int) lo; d <= (int) hi; d++) {
            double y = yPix(d, lo, hi, plotH);
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#dddddd\"/>"
                            + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">1e%d</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, d));
        }
        for (int t : ticks(l)) {
            double x = xPix(t, l, plotW);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"black\"/>"
                    + "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, TOP + plotH, x, TOP + plotH + 5, x, TOP + plotH + 18, t));
        }
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">number of steps T (log scale)</text>%n",
                LEFT + plotW / 2, HEIGHT - 22));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">"
                + "error in nats (log scale)</text>%n", TOP + plotH / 2));
        int legendY = TOP + 10;
        for (String id : SERIES) {
            List<Point> ps = series.get(id);
            String colour = COLOURS.get(id);
            sb.append("<g id=\"").append(id).append("\" stroke=\"").append(colour).append("\" fill=\"").append(colour)
                    .append("\">\n");
            sb.append("<desc>").append(esc(LABELS.get(id))).append("</desc>\n");
            if (ps.size() > 1 && distinctT(ps)) {
                StringBuilder path = new StringBuilder();
                for (Point p : ps) {
                    path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.2f %.2f",
                            xPix(p.t, l, plotW), yPix(Math.log10(p.value.toDouble()), lo, hi, plotH)));
                }
                sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke-width=\"1.5\"")
                        .append(id.startsWith("reference") ? " stroke-dasharray=\"5,4\"" : "").append("/>\n");
            }
            for (Point p : ps) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%s\">",
                        xPix(p.t, l, plotW), yPix(Math.log10(p.value.toDouble()), lo, hi, plotH), l <= 64 ? "3" : "1.5"));
                sb.append("<title>").append(esc(LABELS.get(id) + ", T = " + p.t + ": " + p.value.toDecimal(12)
                        + " = " + Values.exactText(p.value, false))).append("</title></circle>\n");
            }
            sb.append("</g>\n");
            String label = LABELS.get(id) + (ps.isEmpty() && audit.closedForm() && id.equals("output-error")
                    ? " (skipped)" : "");
            sb.append(String.format(Locale.ROOT, "<g id=\"legend-%s\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                            + "stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text></g>%n",
                    id, WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, colour, WIDTH - RIGHT + 46,
                    legendY + 4, esc(label)));
            legendY += 20;
        }
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d zero or infinite values "
                    + "not shown on the log axis</text>%n", WIDTH - RIGHT + 15, legendY + 10, skipped));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /**
     * The x-axis ticks: every {@code T} up to 20 steps; beyond, 1, 2 and 5 times the powers of ten up
     * to {@code L}, and {@code L}.
     */
    static List<Integer> ticks(int l) {
        List<Integer> out = new ArrayList<>();
        if (l <= 20) {
            for (int t = 1; t <= l; t++) {
                out.add(t);
            }
            return out;
        }
        for (long p = 1; p <= l; p *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                // a tick within 20% of L would overlap L's label
                if (m * p * 6 < l * 5L) {
                    out.add((int) (m * p));
                }
            }
        }
        out.add(l);
        return out;
    }

    private static boolean distinctT(List<Point> ps) {
        return ps.stream().map(p -> p.t).distinct().count() == ps.size();
    }

    private static int add(List<Point> ps, int t, Divergence d) {
        if (d.isInfinite() || d.value().signum() <= 0) {
            return 1;
        }
        ps.add(new Point(t, d.value()));
        return 0;
    }

    private static double xPix(int t, int l, int plotW) {
        double span = l <= 1 ? 1 : Math.log10(l);
        return LEFT + 20 + (plotW - 40) * (l <= 1 ? 0.5 : Math.log10(t) / span);
    }

    private static double yPix(double log10, double lo, double hi, int plotH) {
        return TOP + plotH * (hi - log10) / (hi - lo);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
