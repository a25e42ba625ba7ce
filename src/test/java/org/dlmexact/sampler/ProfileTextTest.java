package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/**
 * The canonical text of every profile (SPEC section 10.2: every key with its value, defaults filled
 * in, values exact), that reading it back gives the same text, and what each profile says about
 * itself: steps, whether the output determines the path, re-masking, the EB entropy budget, the
 * tie-break and model-call wording, and the work estimate and its limit.
 */
class ProfileTextTest {

    static Sampler parse(String spec) {
        return Samplers.parse(spec, 4, Schedule.Convention.REVEAL);
    }

    /** Input text, canonical text (length 4), fixed steps, reveals by state. */
    record Row(String in, String canonical, int steps, boolean byState) {
    }

    static final List<Row> ROWS = List.of(
            new Row("mdlm:steps=4", "mdlm:steps=4,eps=1/100000,final=argmax,cache=true", 5, false),
            new Row("mdlm:eps=0.5,steps=2,cache=false,final=sample", "mdlm:steps=2,eps=1/2,final=sample,cache=false", 3,
                    false),
            new Row("bernoulli:alphas=0;0.5;1", "bernoulli:alphas=0;1/2;1,final=argmax,cache=false", 3, false),
            new Row("bernoulli:alphas=1/4; 1/2 ;1,final=sample,cache=true",
                    "bernoulli:alphas=1/4;1/2;1,final=sample,cache=true", 3, false),
            new Row("dream:alg=origin,steps=3", "dream:alg=origin,steps=3,eps=1/1000,temperature=1", 3, false),
            new Row("dream:steps=3,alg=entropy,top_k=2,top_p=0.9,temperature=0.5",
                    "dream:alg=entropy,steps=3,eps=1/1000,temperature=1/2,top_p=9/10,top_k=2,ties=lowest", 3, true),
            new Row("dream:alg=maskgit_plus,steps=2,alg_temp=0", "dream:alg=maskgit_plus,steps=2,eps=1/1000,temperature=1,"
                    + "ties=lowest", 2, false),
            new Row("dream:alg=maskgit_plus,steps=2,temperature=0", "dream:alg=maskgit_plus,steps=2,eps=1/1000,"
                    + "temperature=0,ties=lowest", 2, true),
            new Row("dream:alg=topk_margin,steps=2,ties=uniform", "dream:alg=topk_margin,steps=2,eps=1/1000,temperature=1,"
                    + "ties=uniform", 2, false),
            new Row("llada:steps=4", "llada:steps=4,block=4,remasking=low_confidence,temperature=1,ties=lowest", 4,
                    false),
            new Row("llada:ties=highest,temperature=0,steps=2", "llada:steps=2,block=4,remasking=low_confidence,"
                    + "temperature=0,ties=highest", 2, true),
            new Row("llada:steps=4,block=2,remasking=random,temperature=0",
                    "llada:steps=4,block=2,remasking=random,temperature=0,ties=lowest", 4, false),
            new Row("fast-dllm:threshold=0.9", "fast-dllm:threshold=9/10,block=4,temperature=1,boundary=inclusive,"
                    + "ties=lowest", -1, false),
            new Row("fast-dllm:factor=1,block=2,boundary=exclusive,ties=highest,temperature=1/3",
                    "fast-dllm:factor=1,block=2,temperature=1/3,boundary=exclusive,ties=highest", -1, false),
            new Row("fast-dllm:factor=2,temperature=0", "fast-dllm:factor=2,block=4,temperature=0,boundary=inclusive,"
                    + "ties=lowest", -1, true),
            new Row("eb:gamma=0.5", "eb:gamma=1/2,temperature=1,boundary=inclusive,ties=lowest", -1, true),
            new Row("eb:gamma=1,ties=uniform,temperature=0", "eb:gamma=1,temperature=0,boundary=inclusive,ties=uniform",
                    -1, false),
            new Row("remdm:mode=cap,eta=0.1,steps=8", "remdm:mode=cap,eta=1/10,steps=8,eps=1/100000,top_p=1,"
                    + "final=argmax", 9, false),
            new Row("remdm:final=argmax,top_p=0.9,eps=0,steps=2,eta=1,mode=rescale",
                    "remdm:mode=rescale,eta=1,steps=2,eps=0,top_p=9/10,final=argmax", 3, false));

    @Test
    void canonicalTextsListEveryKeyAndReadBack() {
        for (Row r : ROWS) {
            Sampler s = parse(r.in());
            assertEquals(r.canonical(), s.spec(), r.in());
            assertEquals(r.canonical(), s.toString(), r.in());
            assertEquals(r.canonical(), parse(r.canonical()).spec(), "read back " + r.canonical());
            assertEquals(r.canonical().substring(0, r.canonical().indexOf(':')), s.name());
            assertEquals(4, s.length());
            assertEquals(r.steps(), s.fixedSteps(), r.in());
            assertEquals(r.byState(), s.revealsByState(), r.in());
            assertEquals(r.in().startsWith("remdm"), s.remasks(), r.in());
            assertFalse(s.tieBreak().isEmpty());
            assertFalse(s.modelCalls().isEmpty());
        }
    }

    @Test
    void whatEachProfileSaysAboutItself() {
        assertEquals(Optional.of(Rational.of(1, 2)), parse("eb:gamma=1/2").entropyBudget());
        assertEquals(Optional.of(Rational.ONE), parse("eb:gamma=1,ties=uniform").entropyBudget());
        // the budget holds for the predictor's own entropies, compared inclusively
        assertEquals(Optional.empty(), parse("eb:gamma=1/2,temperature=1/2").entropyBudget());
        assertEquals(Optional.empty(), parse("eb:gamma=1/2,boundary=exclusive").entropyBudget());
        assertEquals(Optional.empty(), parse("mdlm:steps=2").entropyBudget());
        assertTrue(parse("mdlm:steps=2").modelCalls().contains("cache"));
        assertTrue(parse("mdlm:steps=2").modelCalls().contains("plus one for the final step"));
        assertTrue(parse("mdlm:steps=2,cache=false").modelCalls().contains("one call per regular step"));
        assertFalse(parse("dream:alg=origin,steps=2").modelCalls().contains("final"));
        assertTrue(parse("dream:alg=entropy,steps=2").modelCalls().contains("also when a step reveals nothing"));
        assertTrue(parse("llada:steps=2").modelCalls().contains("also when a step reveals nothing"));
        assertTrue(parse("remdm:mode=cap,eta=0,steps=2").modelCalls().contains("plus one for the final step"));
        assertTrue(parse("fast-dllm:threshold=9/10").tieBreak().contains(">= 9/10"));
        assertTrue(parse("fast-dllm:threshold=9/10,boundary=exclusive").tieBreak().contains("> 9/10"));
        assertTrue(parse("fast-dllm:factor=1,boundary=exclusive").tieBreak().contains("c > 1 - F/(i+1)"));
        assertTrue(parse("fast-dllm:factor=1,ties=highest").tieBreak().contains("by higher position first"));
        assertTrue(parse("llada:steps=2").tieBreak().contains("by lower position first"));
        assertEquals(Rational.of(1, 2), ((EntropyBounded) parse("eb:gamma=1/2,temperature=1/2")).gamma());
        assertTrue(parse("eb:gamma=1,boundary=exclusive").tieBreak().contains("< gamma"));
        assertTrue(parse("eb:gamma=1").tieBreak().contains("<= gamma"));
        assertTrue(parse("dream:alg=topk_margin,steps=2,ties=uniform").tieBreak().contains("top-1 minus top-2"));
        assertTrue(parse("dream:alg=topk_margin,steps=2,ties=uniform").tieBreak().contains("in uniformly random order"));
        assertTrue(parse("dream:alg=maskgit_plus,steps=2,temperature=0").tieBreak().contains("lowest among equal"));
        assertTrue(parse("dream:alg=entropy,steps=2").tieBreak().contains("minus the entropy"));
        assertTrue(parse("llada:steps=2,remasking=random").tieBreak().contains("uniformly random subset"));
        assertTrue(parse("llada:steps=2,temperature=0").tieBreak().contains("lowest among equal maxima"));
        assertTrue(parse("mdlm:steps=2").tieBreak().contains("lowest token among equal maxima"));
        assertFalse(parse("mdlm:steps=2,final=sample").tieBreak().contains("argmax"));
        assertTrue(parse("dream:alg=origin,steps=2,temperature=0").tieBreak().contains("argmax"));
    }

    @Test
    void workEstimatesAndTheirLimit() {
        // (2V + 1)^L times the steps (L for samplers without a fixed number), (3V + 1)^L for ReMDM
        assertEquals(BigInteger.valueOf(625 * 5), parse("mdlm:steps=4").work(2));
        assertEquals(BigInteger.valueOf(625 * 4), parse("fast-dllm:threshold=1/2").work(2));
        assertEquals(BigInteger.valueOf(2401 * 4), parse("eb:gamma=1").work(3));
        assertEquals(BigInteger.valueOf(7 * 7 * 7 * 7 * 3), parse("remdm:mode=cap,eta=0,steps=2").work(2));
        Sampler s = Samplers.parse("mdlm:steps=1", 10, Schedule.Convention.REVEAL);
        assertEquals(20_000_000L, s.maxWork());
        s.checkSize(2); // 5^10 * 2 = 19 531 250
        Sampler t = Samplers.parse("mdlm:steps=2", 10, Schedule.Convention.REVEAL);
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> t.checkSize(2));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("29296875") && e.getMessage().contains("20000000"), e.getMessage());
        Sampler r = Samplers.parse("remdm:mode=cap,eta=0,steps=1", 8, Schedule.Convention.REVEAL);
        // 7^8 * 2 = 11 529 602 is accepted; 7^8 * 4 = 23 059 204 (three steps and the final one) is not
        r.checkSize(2);
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> Samplers.parse("remdm:mode=cap,eta=0,steps=3", 8, Schedule.Convention.REVEAL).checkSize(2));
    }

    /** An item that starts with '=' has no key (not a positional value); the edge of the temperatures 1/n. */
    @Test
    void itemsWithoutAKeyAndTheSmallestTemperature() {
        for (String spec : List.of("mdlm:=3", "mdlm:steps=2,=3")) {
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> parse(spec));
            assertEquals("sampler.syntax", e.code());
            assertEquals("'" + spec + "': '=3' needs a key and a value (KEY=VALUE)", e.getMessage());
        }
        assertTrue(parse("llada:steps=4,temperature=1/64").spec().contains(",temperature=1/64,"));
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> parse("llada:steps=4,temperature=1/65"));
        assertEquals("sampler.value", e.code());
        assertTrue(e.getMessage().endsWith("temperature=1/65 is below the smallest supported 1/64"), e.getMessage());
    }

    /** {@code with} replaces a key in place or appends it, after the positional part. */
    @Test
    void withSetsOneKey() {
        assertEquals("mdlm:steps=3,final=sample", SpecText.parse("mdlm:steps=2,final=sample").with("steps", "3"));
        assertEquals("mdlm:steps=2,cache=false", SpecText.parse("mdlm:steps=2").with("cache", "false"));
        assertEquals("mdlm:steps=2", SpecText.parse("mdlm:").with("steps", "2"));
        assertEquals("top-probability:3,steps=2", SpecText.parse("top-probability:3").with("steps", "2"));
    }
}
