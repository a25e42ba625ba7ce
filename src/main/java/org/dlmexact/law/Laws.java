package org.dlmexact.law;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/** Resolves a law argument: a built-in family {@code NAME:ARGS} or a {@code dlm-exact/law@1} file. */
public final class Laws {

    private Laws() {
    }

    /*@ public behavior
      @   requires spec != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Law resolve(String spec) {
        return describe(spec).law();
    }

    /** As {@link #resolve}, without enumerating a structured family ({@link Families#describe}). */
    /*@ public behavior
      @   requires spec != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static LawDescription describe(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (Families.isFamily(spec)) {
            return Families.describe(spec);
        }
        Path p = Path.of(spec);
        if (Files.isRegularFile(p)) {
            return LawDescription.of(spec, LawJson.read(p));
        }
        throw new InvalidInputException("law.not-found", "--law '" + spec + "' is neither a family NAME:ARGS ("
                + String.join(", ", Families.NAMES) + ") nor a readable file");
    }
}
