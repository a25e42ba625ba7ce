package org.dlmexact.law;

import java.nio.file.Path;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.io.InputFiles;

/** Resolves a law argument: a built-in family {@code NAME:ARGS} or a {@code dlm-exact/law@1} file. */
public final class Laws {

    private Laws() {
    }

    /*
     * A family is decided by its text alone; a file by the file system, which the contract cannot
     * name (hence a behavior case for that branch).
     */
    /*@ public normal_behavior
      @   requires Families.isFamily(spec) && Families.isValidSpec(spec);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires Families.isFamily(spec) && !Families.isValidSpec(spec);
      @   signals_only InvalidInputException;
      @ also public behavior
      @   requires !Families.isFamily(spec);
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Law resolve(String spec) {
        return describe(spec).law();
    }

    /** As {@link #resolve}, without enumerating a structured family ({@link Families#describe}). */
    /*@ public normal_behavior
      @   requires Families.isFamily(spec) && Families.isDescribable(spec);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires Families.isFamily(spec) && !Families.isDescribable(spec);
      @   signals_only InvalidInputException;
      @ also public behavior
      @   requires !Families.isFamily(spec);
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static LawDescription describe(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (Families.isFamily(spec)) {
            return Families.describe(spec);
        }
        Path p = InputFiles.existing(spec);
        if (p != null) {
            return LawDescription.of(spec, LawJson.read(p));
        }
        throw new InvalidInputException("law.not-found", "--law " + Echo.quoted(spec) + " is neither a family "
                + "NAME:ARGS (" + String.join(", ", Families.NAMES) + ") nor a readable file");
    }
}
