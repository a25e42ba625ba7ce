package org.dlmexact.sampler;

import java.util.List;

/**
 * Bad {@code --sampler} texts for sequences of length 4, each with the error code SPEC section 10.2
 * names for it and a part of the message that names the key, value or range (used by
 * {@code ProfileRefusalsTest} through {@link Samplers#parse} and by the command-line tests).
 */
public final class BadProfiles {

    private BadProfiles() {
    }

    /** A bad text, its code and what its message must say. */
    public record Bad(String spec, String code, String mentions) {
    }

    /** Every bad text. */
    public static final List<Bad> LIST = List.of(
            new Bad("nope:1", "sampler.unknown", "unknown sampler 'nope'"),
            new Bad("mdlm", "sampler.syntax", "NAME:ARGS"),
            new Bad(":steps=2", "sampler.syntax", "NAME:ARGS"),
            new Bad("mdlm:steps=2,,eps=0", "sampler.syntax", "empty item"),
            new Bad("mdlm:steps=2,4", "sampler.syntax", "positional arguments come first"),
            new Bad("mdlm:4", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("mdlm:steps=", "sampler.syntax", "KEY=VALUE"),
            new Bad("mdlm:", "sampler.missing-key", "steps"),
            new Bad("mdlm:steps=2,steps=3", "sampler.duplicate-key", "'steps' is given twice"),
            new Bad("mdlm:steps=2,foo=1", "sampler.unknown-key", "unknown key 'foo' for mdlm; known keys: cache, eps,"
                    + " final, steps"),
            new Bad("mdlm:steps=0", "sampler.value", "steps=0 is outside 1..100000"),
            new Bad("mdlm:steps=100001", "sampler.value", "steps=100001 is outside 1..100000"),
            new Bad("mdlm:steps=two", "sampler.value", "steps=two is not an integer"),
            new Bad("mdlm:steps=2,eps=1", "sampler.value", "eps=1"),
            new Bad("mdlm:steps=2,eps=-1/2", "sampler.value", "eps=-1/2 is outside [0, 1]"),
            new Bad("mdlm:steps=2,eps=0x1", "sampler.value", "eps=0x1 is not an exact rational"),
            new Bad("mdlm:steps=2,final=max", "sampler.value", "final=max is not one of argmax, sample"),
            new Bad("mdlm:steps=2,cache=yes", "sampler.value", "cache=yes is not one of true, false"),
            new Bad("bernoulli:final=sample", "sampler.missing-key", "alphas"),
            new Bad("bernoulli:alphas=1;1", "sampler.value", "alpha_0 must be below 1"),
            new Bad("bernoulli:alphas=0;1/2;1/3", "sampler.value", "alphas[2] = 1/3 is below alphas[1] = 1/2"),
            new Bad("bernoulli:alphas=0", "sampler.value", "at least two values"),
            new Bad("bernoulli:alphas=0;3/2", "sampler.value", "alphas[1]=3/2 is outside [0, 1]"),
            new Bad("bernoulli:alphas=0;1,eps=0", "sampler.unknown-key", "unknown key 'eps'"),
            new Bad("dream:steps=2", "sampler.missing-key", "alg"),
            new Bad("dream:alg=origin", "sampler.missing-key", "steps"),
            new Bad("dream:alg=fast,steps=2", "sampler.value", "alg=fast is not one of origin, maskgit_plus,"
                    + " topk_margin, entropy"),
            new Bad("dream:alg=entropy,steps=2,temperature=2/3", "sampler.value", "temperature=2/3 makes the"
                    + " probabilities irrational"),
            new Bad("dream:alg=entropy,steps=2,temperature=2", "sampler.value", "temperature=2 makes the"
                    + " probabilities irrational"),
            new Bad("dream:alg=entropy,steps=2,temperature=1/65", "sampler.value", "below the smallest supported"
                    + " 1/64"),
            new Bad("dream:alg=entropy,steps=2,temperature=-1", "sampler.value", "temperature=-1 is outside"),
            new Bad("dream:alg=entropy,steps=2,top_p=0", "sampler.value", "top_p"),
            new Bad("dream:alg=entropy,steps=2,top_p=3/2", "sampler.value", "top_p=3/2 is outside [0, 1]"),
            new Bad("dream:alg=entropy,steps=2,top_k=0", "sampler.value", "top_k=0 is outside 1.."),
            new Bad("dream:alg=entropy,steps=2,alg_temp=1/2", "sampler.value", "alg_temp=1/2"),
            new Bad("dream:alg=entropy,steps=2,alg_temp=x", "sampler.value", "alg_temp=x is not an exact rational"),
            new Bad("dream:alg=origin,steps=2,ties=lowest", "sampler.unknown-key", "unknown key 'ties' for dream"),
            new Bad("dream:alg=entropy,steps=2,ties=random", "sampler.value", "ties=random is not one of lowest,"
                    + " highest, uniform"),
            new Bad("llada:steps=3,block=2", "sampler.value", "steps=3 is not a multiple of the 2 blocks"),
            new Bad("llada:steps=2,block=3", "sampler.value", "block=3 does not divide the length 4"),
            new Bad("llada:steps=2,block=5", "sampler.value", "block=5 is outside 1..4"),
            new Bad("llada:steps=2,remasking=conf", "sampler.value", "remasking=conf is not one of low_confidence,"
                    + " random"),
            new Bad("llada:steps=2,top_p=1/2", "sampler.unknown-key", "unknown key 'top_p' for llada"),
            new Bad("llada:block=2", "sampler.missing-key", "steps"),
            new Bad("fast-dllm:block=2", "sampler.missing-key", "exactly one of threshold=TAU and factor=F"),
            new Bad("fast-dllm:threshold=1/2,factor=1", "sampler.value", "exactly one of threshold=TAU and"
                    + " factor=F"),
            new Bad("fast-dllm:threshold=3/2", "sampler.value", "threshold=3/2 is outside [0, 1]"),
            new Bad("fast-dllm:factor=-1", "sampler.value", "factor=-1 is outside [0, inf]"),
            new Bad("fast-dllm:threshold=1/2,block=3", "sampler.value", "block=3 does not divide the length 4"),
            new Bad("fast-dllm:threshold=1/2,boundary=maybe", "sampler.value", "boundary=maybe is not one of"
                    + " inclusive, exclusive"),
            new Bad("fast-dllm:threshold=1/2,temperature=1/3,steps=2", "sampler.unknown-key", "unknown key"
                    + " 'steps' for fast-dllm"),
            new Bad("eb:temperature=1", "sampler.missing-key", "gamma"),
            new Bad("eb:gamma=-1", "sampler.value", "gamma=-1 is outside [0, inf]"),
            new Bad("eb:gamma=one", "sampler.value", "gamma=one is not an exact rational"),
            new Bad("eb:gamma=1,top_k=2", "sampler.unknown-key", "unknown key 'top_k' for eb"),
            new Bad("remdm:eta=0,steps=2", "sampler.missing-key", "mode"),
            new Bad("remdm:mode=conf,eta=0,steps=2", "sampler.value", "mode=conf spreads sigma by a softmax"),
            new Bad("remdm:mode=loop,eta=0,steps=2", "sampler.value", "mode=loop is not one of cap, rescale"),
            new Bad("remdm:mode=cap,steps=2", "sampler.missing-key", "eta"),
            new Bad("remdm:mode=cap,eta=0", "sampler.missing-key", "steps"),
            new Bad("remdm:mode=cap,eta=2,steps=2", "sampler.value", "eta=2 is outside [0, 1]"),
            new Bad("remdm:mode=cap,eta=0,steps=2,final=sample", "sampler.value", "final=sample is not one of"
                    + " argmax"),
            new Bad("remdm:mode=cap,eta=0,steps=2,top_p=0", "sampler.value", "top_p must be positive"),
            new Bad("random-order:all", "schedule.syntax", "not 'all'"),
            new Bad("random-order:2,1", "schedule.bad-sum", "random-order:2,1"),
            new Bad("random-order:2,2,ties=lowest", "sampler.unknown-key", "unknown key 'ties' for random-order"),
            new Bad("low-confidence:2,2,boundary=exclusive", "sampler.unknown-key", "unknown key 'boundary'"),
            new Bad("entropy-sum:-1", "rule.negative-threshold", "non-negative"),
            new Bad("entropy-sum:1,ties=first", "sampler.value", "ties=first is not one of lowest, highest, uniform"),
            new Bad("entropy-sum:1,boundary=open", "sampler.value", "boundary=open is not one of inclusive,"
                    + " exclusive"),
            new Bad("bernoulli:0;1", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("dream:3,alg=origin,steps=2", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("llada:2,steps=2", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("fast-dllm:1/2", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("eb:1", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("remdm:cap,eta=0,steps=2", "sampler.syntax", "takes only KEY=VALUE"),
            new Bad("dream:alg=entropy,steps=2,final=argmax", "sampler.unknown-key", "unknown key 'final' for dream"),
            new Bad("remdm:mode=cap,eta=0,steps=2,ties=lowest", "sampler.unknown-key", "unknown key 'ties' for remdm"));
}
