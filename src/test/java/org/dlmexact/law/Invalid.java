package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.function.Executable;

/** Asserts an {@link InvalidInputException} with a given code whose message names given fragments. */
public final class Invalid {

    private Invalid() {
    }

    public static InvalidInputException assertInvalid(String code, Executable call, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(code, e.code(), "error code (message: " + e.getMessage() + ")");
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should name '" + f + "'");
        }
        return e;
    }
}
