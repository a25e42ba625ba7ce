package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;

/**
 * The text of a sampler, {@code NAME:ARGS}, split once for every sampler: the name, the
 * positional part (the comma-separated items without {@code =}, joined by commas again, e.g. the
 * sizes {@code 2,1,1} or {@code balanced:3}) and the keys ({@code KEY=VALUE} items, in order,
 * each at most once). Typed readers of the keys refuse bad values with {@code sampler.value},
 * naming the key and the value, and {@link #finish} refuses keys the sampler does not know
 * ({@code sampler.unknown-key}). Not thread-safe.
 */
public final class SpecText {

    //@ public invariant name() != null && positional() != null;
    private final String text;
    private final String name;
    private final String positional;
    private final Map<String, String> keys;
    private final List<String> used = new ArrayList<>();

    private SpecText(String text, String name, String positional, Map<String, String> keys) {
        this.text = text;
        this.name = name;
        this.positional = positional;
        this.keys = keys;
    }

    /**
     * Splits {@code text}.
     *
     * @throws InvalidInputException {@code sampler.syntax} (no colon, an empty name, an empty item,
     *     an empty key) or {@code sampler.duplicate-key}
     */
    /*@ public behavior
      @   requires text != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static SpecText parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("sampler.syntax", "'" + text + "': expected NAME:ARGS, for example "
                    + "random-order:2,2 or mdlm:steps=4");
        }
        String name = s.substring(0, colon).strip();
        List<String> pos = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        String rest = s.substring(colon + 1);
        if (!rest.strip().isEmpty()) {
            for (String item : rest.split(",", -1)) {
                String it = item.strip();
                int eq = it.indexOf('=');
                if (it.isEmpty()) {
                    throw new InvalidInputException("sampler.syntax", "'" + text + "': an empty item between commas");
                }
                if (eq < 0) {
                    if (!keys.isEmpty()) {
                        throw new InvalidInputException("sampler.syntax", "'" + text + "': '" + it
                                + "' comes after KEY=VALUE items; positional arguments come first");
                    }
                    pos.add(it);
                    continue;
                }
                String k = it.substring(0, eq).strip();
                String v = it.substring(eq + 1).strip();
                if (k.isEmpty() || v.isEmpty()) {
                    throw new InvalidInputException("sampler.syntax", "'" + text + "': '" + it
                            + "' needs a key and a value (KEY=VALUE)");
                }
                if (keys.put(k, v) != null) {
                    throw new InvalidInputException("sampler.duplicate-key", "'" + text + "': key '" + k
                            + "' is given twice");
                }
            }
        }
        return new SpecText(text, name, String.join(",", pos), keys);
    }

    /** The text as given. */
    //@ pure helper
    public String text() {
        return text;
    }

    //@ pure helper
    public String name() {
        return name;
    }

    /** The positional items joined by commas ({@code ""} when there are none). */
    //@ pure helper
    public String positional() {
        return positional;
    }

    /** Whether the key is present. */
    //@ requires key != null;
    //@ pure
    public boolean has(String key) {
        return keys.containsKey(key);
    }

    /** The key's text, or {@code fallback} when absent. */
    /*@ public normal_behavior
      @   requires key != null;
      @   assignable \everything;
      @*/
    public /*@ nullable @*/ String string(String key, /*@ nullable @*/ String fallback) {
        used.add(key);
        return keys.getOrDefault(key, fallback);
    }

    /**
     * The key's text, which must be one of {@code choices}.
     *
     * @throws InvalidInputException {@code sampler.value} otherwise
     */
    /*@ public behavior
      @   requires key != null && fallback != null && choices != null;
      @   assignable \everything;
      @   signals_only InvalidInputException;
      @*/
    public String choice(String key, String fallback, String... choices) {
        String v = string(key, fallback);
        for (String c : choices) {
            if (c.equals(v)) {
                return v;
            }
        }
        throw new InvalidInputException("sampler.value", "'" + text + "': " + key + "=" + v + " is not one of "
                + String.join(", ", choices));
    }

    /**
     * The key as an integer in {@code [min, max]}; {@code fallback} when absent (if
     * {@code required} is false).
     *
     * @throws InvalidInputException {@code sampler.missing-key} or {@code sampler.value}
     */
    /*@ public behavior
      @   requires key != null && min <= max;
      @   ensures min <= \result && \result <= max || \result == fallback;
      @   assignable \everything;
      @   signals_only InvalidInputException;
      @*/
    public int integer(String key, boolean required, int fallback, int min, int max) {
        String v = string(key, null);
        if (v == null) {
            if (required) {
                throw missing(key);
            }
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sampler.value", "'" + text + "': " + key + "=" + v
                    + " is not an integer");
        }
        if (n < min || n > max) {
            throw new InvalidInputException("sampler.value", "'" + text + "': " + key + "=" + v + " is outside "
                    + min + ".." + max);
        }
        return (int) n;
    }

    /**
     * The key as a rational in {@code [min, max]} ({@code max} may be null: no upper bound);
     * {@code fallback} when absent (if {@code required} is false).
     *
     * @throws InvalidInputException {@code sampler.missing-key} or {@code sampler.value}
     */
    /*@ public behavior
      @   requires key != null && min != null;
      @   assignable \everything;
      @   signals_only InvalidInputException;
      @*/
    public /*@ nullable @*/ Rational rational(String key, boolean required, /*@ nullable @*/ Rational fallback,
                                               Rational min, /*@ nullable @*/ Rational max) {
        String v = string(key, null);
        if (v == null) {
            if (required) {
                throw missing(key);
            }
            return fallback;
        }
        return rationalValue(key, v, min, max);
    }

    /** A value read as a rational in {@code [min, max]}, with this text's error messages. */
    /*@ public behavior
      @   requires key != null && value != null && min != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public Rational rationalValue(String key, String value, Rational min, /*@ nullable @*/ Rational max) {
        Rational q;
        try {
            q = NumberSize.parse(value, Echo.quoted(text) + ": " + key); // input numbers are bounded (SPEC §3.3)
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sampler.value", Echo.quoted(text) + ": " + key + "=" + Echo.of(value)
                    + " is not an exact rational: " + e.getMessage());
        }
        if (q.compareTo(min) < 0 || (max != null && q.compareTo(max) > 0)) {
            throw new InvalidInputException("sampler.value", "'" + text + "': " + key + "=" + value + " is outside ["
                    + min + ", " + (max == null ? "inf" : max.toString()) + "]");
        }
        return q;
    }

    /** The error for a missing required key. */
    /*@ public normal_behavior
      @   requires key != null;
      @   ensures \result != null;
      @ pure @*/
    public InvalidInputException missing(String key) {
        return new InvalidInputException("sampler.missing-key", "'" + text + "': the key " + key
                + " is required (" + name + ":...," + key + "=VALUE)");
    }

    /**
     * Refuses the keys no typed reader asked for.
     *
     * @throws InvalidInputException {@code sampler.unknown-key}, naming the key and the known ones
     */
    /*@ public behavior
      @   requires true;
      @   signals_only InvalidInputException;
      @ pure @*/
    public void finish() {
        for (String k : keys.keySet()) {
            if (!used.contains(k)) {
                List<String> known = new ArrayList<>(used);
                Collections.sort(known);
                throw new InvalidInputException("sampler.unknown-key", "'" + text + "': unknown key '" + k + "' for "
                        + name + (known.isEmpty() ? " (it takes no keys)" : "; known keys: " + String.join(", ", known)));
            }
        }
    }
}
