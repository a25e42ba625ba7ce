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

    /*@ public behavior
      @   requires spec != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Law resolve(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (Families.isFamily(spec)) {
            return Families.parse(spec);
        }
        Path p = InputFiles.existing(spec);
        if (p != null) {
            return LawJson.read(p);
        }
        throw new InvalidInputException("law.not-found", "--law " + Echo.quoted(spec) + " is neither a family "
                + "NAME:ARGS (" + String.join(", ", Families.NAMES) + ") nor a readable file");
    }
}
