package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The integer kernel that reads the optimal schedule off the dynamic programme's table. */
class BlockStartsTest {

    /** The table of a DP that always takes the largest first part that leaves room. */
    private static int[][] greedyTable(int l) {
        int[][] fp = new int[l + 1][l + 1];
        for (int u = 1; u <= l; u++) {
            for (int a = 0; a <= l - u; a++) {
                fp[u][a] = l - a - (u - 1);
            }
        }
        return fp;
    }

    @Test
    void boundariesFollowTheTable() {
        int[][] fp = greedyTable(5);
        assertArrayEquals(new int[] {0, 5}, ChenCongLiOptimalSchedule.blockStarts(fp, 5, 1));
        assertArrayEquals(new int[] {0, 4, 5}, ChenCongLiOptimalSchedule.blockStarts(fp, 5, 2));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ChenCongLiOptimalSchedule.blockStarts(fp, 5, 5));
        fp[3][0] = 1;
        fp[2][1] = 2;
        assertArrayEquals(new int[] {0, 1, 3, 5}, ChenCongLiOptimalSchedule.blockStarts(fp, 5, 3));
    }

    @Test
    void anEntryThatLeavesNoRoomIsRefused() {
        int[][] fp = greedyTable(4);
        fp[2][0] = 4;
        assertThrows(IllegalArgumentException.class, () -> ChenCongLiOptimalSchedule.blockStarts(fp, 4, 2));
        int[][] zero = greedyTable(4);
        zero[3][0] = 0;
        assertThrows(IllegalArgumentException.class, () -> ChenCongLiOptimalSchedule.blockStarts(zero, 4, 3));
        int[][] shortLast = greedyTable(4);
        shortLast[2][0] = 2;
        shortLast[1][2] = 1;
        assertThrows(IllegalArgumentException.class, () -> ChenCongLiOptimalSchedule.blockStarts(shortLast, 4, 2));
    }
}
