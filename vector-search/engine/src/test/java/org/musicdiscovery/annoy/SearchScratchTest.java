package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The walk's de-duplication: each candidate once, in arrival order, with memory sized to the query, not the index. */
class SearchScratchTest {

    private static int[] unique(SearchScratch s) {
        return Arrays.copyOf(s.unique, s.nUnique);
    }

    @Test
    void keepsEachCandidateOnceInArrivalOrderAcrossGrowthAndQueries() {
        Random r = new Random(5);
        SearchScratch s = new SearchScratch(1_000_000);
        for (int query = 0; query < 50; query++) {
            s.reset(10);
            // some queries outgrow the table (it starts at 1,024 slots); ids in runs, as leaves hold them
            int visits = query % 5 == 0 ? 40_000 : 300;
            LinkedHashSet<Integer> expected = new LinkedHashSet<>();
            for (int v = 0; v < visits; v++) {
                int item = r.nextInt(4) == 0 ? r.nextInt(1_000_000) : 500_000 + r.nextInt(visits);
                s.visit(item);
                expected.add(item);
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), unique(s), "query " + query);
            s.forgetVisited();
        }
    }

    @Test
    void aWalkThatThrowsLeavesNoCandidatesBehind() {
        SearchScratch s = new SearchScratch(100);
        s.reset(10);
        s.visit(7);
        s.visit(8);
        assertThrows(IndexOutOfBoundsException.class, () -> s.visit(100)); // a corrupt leaf: no forgetVisited
        assertThrows(IndexOutOfBoundsException.class, () -> s.visit(-1));
        s.reset(10);
        s.visit(8);
        s.visit(7);
        assertArrayEquals(new int[] {8, 7}, unique(s));
    }

    @Test
    void memoryDoesNotGrowWithTheIndex() {
        // a stamp per item would be 8 GB here, per thread and per index
        SearchScratch s = new SearchScratch(Integer.MAX_VALUE);
        s.reset(10);
        s.visit(Integer.MAX_VALUE - 1);
        s.visit(0);
        s.visit(Integer.MAX_VALUE - 1);
        assertEquals(2, s.nUnique);
    }
}
