package org.dlmexact.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.LawJson;
import org.dlmexact.validate.Power;

/**
 * The declared power of {@code validate samples} and {@code validate trajectories} (SPEC section 4,
 * "Power"), as text and JSON, and the {@code --effect} option.
 */
final class PowerOutput {

    /** The approximation, in words. */
    static final String METHOD = "non-central chi-square approximation";

    private PowerOutput() {
    }

    /** A user-given effect: {@code tv=0.01} or {@code kl=0.001}. */
    record Effect(String kind, double value) {
    }

    /** Reads {@code --effect}: {@code tv=D} with {@code 0 < D <= 1} or {@code kl=K} with {@code K > 0}; null stays null. */
    static /*@ nullable @*/ Effect parse(/*@ nullable @*/ String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int eq = s.indexOf('=');
        String kind = eq < 0 ? "" : s.substring(0, eq).strip();
        double v;
        try {
            v = Double.parseDouble(s.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        boolean ok = (kind.equals("tv") && v > 0 && v <= 1) || (kind.equals("kl") && v > 0 && !Double.isInfinite(v));
        if (!ok) {
            throw new InvalidInputException("option.effect", "--effect must be tv=D with 0 < D <= 1 or kl=K with K > 0 "
                    + "(nats), got '" + text + "'");
        }
        return new Effect(kind, v);
    }

    /** The statement for {@code n} samples of one law. */
    static String samplesLine(Power p, long n, /*@ nullable @*/ Effect e) {
        return String.format(Locale.ROOT, "power (%s, df = %d, level %s): with probability %.1f this test detects every"
                + " sampler whose law is at total variation >= %.4g (or KL(q||p) >= %.4g nats) from the exact one on its"
                + " cells", METHOD, p.degreesOfFreedom(), level(p), Power.PROBABILITY, p.samplesTv(n), p.samplesKl(n))
                + (e == null ? "" : String.format(Locale.ROOT, "; %s = %s needs %d samples", e.kind(), number(e.value()),
                        e.kind().equals("tv") ? p.samplesNeededTv(e.value()) : p.samplesNeededKl(e.value())));
    }

    /** The statement for {@code n} runs with {@code stepsPerRun} tested steps each on average. */
    static String pathLine(Power p, long n, double stepsPerRun, /*@ nullable @*/ Effect e) {
        return String.format(Locale.ROOT, "power (%s, df = %d, level %s): with probability %.1f this test detects every"
                        + " sampler whose path law is at total variation >= %.4g (or KL >= %.4g nats) from the exact one"
                        + " at the tested contexts", METHOD, p.degreesOfFreedom(), level(p), Power.PROBABILITY,
                p.pathTv(n, stepsPerRun), p.pathKl(n))
                + (e == null ? "" : String.format(Locale.ROOT, "; %s = %s needs %d runs", e.kind(), number(e.value()),
                        e.kind().equals("tv") ? p.pathNeededTv(e.value(), stepsPerRun) : p.pathNeededKl(e.value())));
    }

    private static String level(Power p) {
        return number(p.alpha());
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    /** The JSON form: {@code {"method","probability","degreesOfFreedom","noncentrality","tv","kl","effect"}}. */
    static ObjectNode json(Power p, long n, double stepsPerRun, boolean path, /*@ nullable @*/ Effect e) {
        ObjectNode o = LawJson.mapper().createObjectNode();
        o.put("method", METHOD);
        o.put("probability", Power.PROBABILITY);
        o.put("degreesOfFreedom", p.degreesOfFreedom());
        o.put("noncentrality", p.noncentrality());
        o.put("tv", path ? p.pathTv(n, stepsPerRun) : p.samplesTv(n));
        o.put("kl", path ? p.pathKl(n) : p.samplesKl(n));
        if (e != null) {
            ObjectNode eff = o.putObject("effect");
            eff.put(e.kind(), e.value());
            long need = e.kind().equals("tv") ? (path ? p.pathNeededTv(e.value(), stepsPerRun) : p.samplesNeededTv(
                    e.value())) : (path ? p.pathNeededKl(e.value()) : p.samplesNeededKl(e.value()));
            eff.put(path ? "runsNeeded" : "samplesNeeded", need);
        }
        return o;
    }
}
