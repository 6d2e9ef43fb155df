package org.musicdiscovery.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.DiscoverResponse.Page;

/** The paging every search answer carries, set by core and passed on by the web layer as it is. */
class PageTest {
    @Test
    void aFullPageLeadsToTheNextOne() {
        assertEquals(new Page(40, 20, 60), Page.of(40, 20, 20, 1000));
    }

    @Test
    void aShortPageIsTheLast() {
        assertNull(Page.of(40, 20, 19, 1000).next());
        assertNull(Page.of(0, 20, 0, 1000).next());
    }

    @Test
    void theNextPageNeverStartsPastTheLargestOffsetARequestMayAsk() {
        assertEquals(1000, Page.of(980, 20, 20, 1000).next(), "offset 1000 may still be asked");
        assertNull(Page.of(990, 20, 20, 1000).next(), "offset 1010 would be refused");
    }
}
