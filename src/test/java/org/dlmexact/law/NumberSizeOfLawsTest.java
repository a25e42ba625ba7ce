package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/**
 * The size bound of SPEC §3.3 on laws: the estimates of {@code product}, {@code markov} and the
 * stationary law are refused exactly above {@link NumberSize#MAX_BITS}, with the estimate; the
 * support of a law file is counted while parsing. Expected estimates are computed here from the
 * bit lengths of the denominators (the formula of §3.3), not by the code under test.
 */
class NumberSizeOfLawsTest {

    /** {@code 2^(bits-1) + 1}: an odd denominator of exactly {@code bits} bits. */
    private static BigInteger odd(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.ONE);
    }

    /** The distribution {@code (1/d, (d-1)/d)}, common denominator {@code d}. */
    private static Rational[] pair(BigInteger d) {
        return new Rational[] {Rational.of(BigInteger.ONE, d), Rational.of(d.subtract(BigInteger.ONE), d)};
    }

    private static InvalidInputException tooLarge(org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals("number.too-large", x.code(), x.getMessage());
        return x;
    }

    @Test
    void productEstimateIsTheSumOfTheMarginalsBits() {
        BigInteger d = odd(1001);
        Rational[][] four = {pair(d), pair(d), pair(d), pair(d)};
        Law ok = Families.product(four); // 4 * 1001 = 4004 bits
        assertTrue(ok.denominator().bitLength() <= 4004);
        Rational[][] five = {pair(d), pair(d), pair(d), pair(d), pair(d)};
        InvalidInputException e = tooLarge(() -> Families.product(five));
        assertTrue(e.getMessage().contains("would have up to " + 5 * 1001 + " bits"), e.getMessage());
        // the estimate adds positions with different denominators
        Rational[][] mixed = {pair(odd(4000)), pair(odd(96))};
        Families.product(mixed);
        tooLarge(() -> Families.product(new Rational[][] {pair(odd(4000)), pair(odd(97))}));
    }

    @Test
    void markovEstimateIsTheStartPlusTheRowsToThePowerLMinusOne() {
        BigInteger d = odd(1001);
        Rational[] start = {Rational.of(1, 2), Rational.of(1, 2)}; // common denominator 2: 2 bits
        Rational[][] rows = {pair(d), pair(d).clone()};
        rows[1] = new Rational[] {rows[0][1], rows[0][0]};
        Families.markov(5, start, rows); // 2 + 4 * 1001 = 4006
        InvalidInputException e = tooLarge(() -> Families.markov(6, start, rows));
        assertTrue(e.getMessage().contains("would have up to " + (2 + 5 * 1001) + " bits"), e.getMessage());
        assertTrue(e.getMessage().contains("to the power L-1 = 5"), e.getMessage());
        Families.markov(1, start, rows); // no transition at all: 2 bits
        // the start law's bits count too: rows of halves (common denominator 2: 2 bits), L = 3:
        // 4092 + 2 * 2 = 4096 is accepted, 4093 + 4 is not
        Rational[][] halves = {{Rational.of(1, 2), Rational.of(1, 2)}, {Rational.of(1, 2), Rational.of(1, 2)}};
        Families.markov(3, pair(odd(4092)), halves);
        tooLarge(() -> Families.markov(3, pair(odd(4093)), halves));
    }

    @Test
    void stationaryEstimateIsVTimesTheRowsBitsPlusTheBitsOfV() {
        // V = 2: 2 * (b + bitLength(2) = 2); b = 2046 gives 4096, accepted; b = 2047 gives 4098
        BigInteger d = odd(2046);
        Rational[][] rows = {pair(d), {pair(d)[1], pair(d)[0]}};
        Rational[] pi = Families.stationary(rows);
        assertEquals(Rational.of(1, 2), pi[0]);
        assertEquals(Rational.of(1, 2), pi[1]);
        BigInteger e = odd(2047);
        InvalidInputException x = tooLarge(() -> Families.stationary(new Rational[][] {pair(e), {pair(e)[1], pair(e)[0]}}));
        assertTrue(x.getMessage().contains("would have up to " + 2 * (2047 + 2) + " bits"), x.getMessage());
        // V = 3: 3 * (b + 2)
        Rational third = Rational.of(1, 3);
        Rational[][] three = {{third, third, third}, {third, third, third}, {third, third, third}};
        assertEquals(third, Families.stationary(three)[2]);
    }

    @Test
    void rowsOfTheChainShareOneCommonDenominator() {
        // each row alone fits (2100 bits), together their common denominator (4200) does not
        Rational[][] rows = {pair(odd(2100)), {Rational.of(BigInteger.ONE, odd(2100).add(BigInteger.TWO)),
                Rational.of(odd(2100).add(BigInteger.ONE), odd(2100).add(BigInteger.TWO))}};
        InvalidInputException e = tooLarge(() -> Families.stationary(rows));
        assertTrue(e.getMessage().contains("transition row 1, entry 0"), e.getMessage());
        InvalidInputException f = tooLarge(() -> Families.markov(2, new Rational[] {Rational.ONE, Rational.ZERO},
                rows));
        assertTrue(f.getMessage().contains("transition row 1, entry 0"), f.getMessage());
        InvalidInputException g = tooLarge(() -> Families.markov(2, pair(odd(4097)), new Rational[][] {
                {Rational.ONE, Rational.ZERO}, {Rational.ZERO, Rational.ONE}}));
        assertTrue(g.getMessage().contains("the start law, entry 0"), g.getMessage());
    }

    @Test
    void structuresMeasureTheirDistributionsWithoutATable() {
        // long structured laws are never enumerated (no product estimate), but every distribution they
        // add up is measured by its common denominator as in SPEC 3.3
        Rational[] half = {Rational.of(1, 2), Rational.of(1, 2)};
        Rational[][] rows = {pair(odd(2100)), {Rational.of(BigInteger.ONE, odd(2100).add(BigInteger.TWO)),
                Rational.of(odd(2100).add(BigInteger.ONE), odd(2100).add(BigInteger.TWO))}};
        InvalidInputException m = tooLarge(() -> Structure.Markov.of(1024, half, rows));
        assertTrue(m.getMessage().contains("transition row 1, entry 0"), m.getMessage());
        InvalidInputException s = tooLarge(() -> Structure.Markov.of(1024, pair(odd(4097)), new Rational[][] {half, half}));
        assertTrue(s.getMessage().contains("the start law, entry 0"), s.getMessage());
        InvalidInputException x = tooLarge(() -> new Structure.Exchangeable(1000, half, rows));
        assertTrue(x.getMessage().contains("marginal of component 1, entry 0"), x.getMessage());
        InvalidInputException w = tooLarge(() -> new Structure.Exchangeable(1000, pair(odd(4097)),
                new Rational[][] {half, {Rational.ONE, Rational.ZERO}}));
        assertTrue(w.getMessage().contains("the mixture weights, entry 0"), w.getMessage());
        InvalidInputException p = tooLarge(() -> new Structure.Product(1000, new Rational[][] {pair(odd(4097))}));
        assertTrue(p.getMessage().contains("the marginal of position 0, entry 0"), p.getMessage());
        // at the limit they are accepted, at any length
        assertEquals(100_000, Structure.Markov.of(100_000, half, new Rational[][] {pair(odd(4096)), pair(odd(4096))}).length());
        assertEquals(100_000, new Structure.Product(100_000, new Rational[][] {pair(odd(4096))}).length());
    }

    @Test
    void normalFamiliesStayFarBelowTheLimit() {
        assertTrue(Families.parse("random:2,14,5").denominator().bitLength() <= 19);
        assertTrue(Families.parse("markov:10:1/3,2/3;3/4,1/4").denominator().bitLength() < 64);
        assertTrue(Families.parse("product:14:1/7,6/7").denominator().bitLength() < 64);
    }

    private static ObjectNode uniformTree(int length) {
        return LawJson.toTree(Families.uniform(2, length));
    }

    @Test
    void aTreeOfTheLargestLawIsReadAndOneMoreEntryIsRefused() {
        ObjectNode tree = uniformTree(16); // 65536 entries
        assertEquals(Families.uniform(2, 16), LawJson.fromTree(tree));
        ArrayNode support = (ArrayNode) tree.get("support");
        while (support.size() <= SequenceSpace.MAX_OUTCOMES) { // one entry more than any law lists
            support.add(support.get(0));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LawJson.fromTree(tree));
        assertEquals("law.too-large", e.code());
        assertEquals("law.not-object", assertThrows(InvalidInputException.class,
                () -> LawJson.fromTree(LawJson.mapper().createArrayNode())).code());
        ObjectNode extra = uniformTree(1);
        extra.put("extra", 1);
        assertEquals("law.unknown-field", assertThrows(InvalidInputException.class, () -> LawJson.fromTree(extra)).code());
    }

    @Test
    void aFileSupportIsCountedWhileParsing() {
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":[");
        for (int i = 0; i <= SequenceSpace.MAX_OUTCOMES; i++) {
            sb.append(i == 0 ? "" : ",").append("0");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LawJson.parse(sb + "]}"));
        assertEquals("law.too-large", e.code());
        assertTrue(e.getMessage().contains("more than " + SequenceSpace.MAX_OUTCOMES + " entries"), e.getMessage());
    }
}
