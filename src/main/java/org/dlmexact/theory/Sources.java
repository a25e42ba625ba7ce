package org.dlmexact.theory;

/** Citations of the papers whose statements are checked (theory.md). */
public final class Sources {

    public static final String LI_CAI = "Li, Cai, arXiv 2505.21400 (v2, NeurIPS 2025)";
    public static final String CHEN_CONG_LI = "Chen, Cong, Li, COLT 2026, arXiv 2511.04647";
    public static final String WAINWRIGHT = "Wainwright, arXiv 2608.13520";
    public static final String DMITRIEV_HUANG_WEI = "Dmitriev, Huang, Wei, COLT 2026, arXiv 2602.15008";

    private Sources() {
    }
}
