package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The integer kernel behind {@link SequenceSpace#of}: the table of powers {@code V^0..V^L}. */
class SequenceSpaceKernelTest {

    @Test
    void powerTableIsTheTableOfPowersExactlyWhenVToTheLFits() {
        for (int v = 2; v <= SequenceSpace.MAX_ALPHABET; v++) {
            for (int l = 0; l <= 70; l++) {
                BigInteger n = BigInteger.valueOf(v).pow(l);
                int[] p = SequenceSpace.powerTable(v, l);
                if (n.compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) > 0) {
                    assertNull(p, v + "^" + l);
                } else {
                    assertNotNull(p, v + "^" + l);
                    assertEquals(l + 1, p.length);
                    for (int k = 0; k <= l; k++) {
                        assertEquals(BigInteger.valueOf(v).pow(k).intValueExact(), p[k]);
                    }
                }
            }
        }
    }

    @Test
    void powerTableAgreesWithTheSpace() {
        SequenceSpace sp = SequenceSpace.of(3, 4);
        int[] p = SequenceSpace.powerTable(3, 4);
        for (int k = 0; k <= 4; k++) {
            assertEquals(sp.power(k), p[k]);
        }
        assertEquals(sp.size(), p[4]);
        assertArrayEquals(new int[] {1}, SequenceSpace.powerTable(2, 0));
    }

    @Test
    void powerTableRefusesArgumentsOutsideItsContract() {
        assertThrows(IllegalArgumentException.class, () -> SequenceSpace.powerTable(1, 3));
        assertThrows(IllegalArgumentException.class, () -> SequenceSpace.powerTable(17, 3));
        assertThrows(IllegalArgumentException.class, () -> SequenceSpace.powerTable(2, -1));
    }

    @Test
    void tokenOutsideTheAlphabetIsRefusedByIndex() {
        SequenceSpace sp = SequenceSpace.of(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sp.index(new int[] {0, 2, 0}));
        assertEquals("token 2 at position 1 is outside [0, 2)", e.getMessage());
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class, () -> sp.outcome(8));
        assertEquals("outcome index 8 outside [0, 8)", o.getMessage());
    }
}
