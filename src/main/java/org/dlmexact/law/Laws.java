package org.dlmexact.law;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

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
        Objects.requireNonNull(spec, "spec");
        if (Families.isFamily(spec)) {
            return Families.parse(spec);
        }
        Path p = Path.of(spec);
        if (Files.isRegularFile(p)) {
            return LawJson.read(p);
        }
        throw new InvalidInputException("law.not-found", "--law '" + spec + "' is neither a family NAME:ARGS ("
                + String.join(", ", Families.NAMES) + ") nor a readable file");
    }
}
