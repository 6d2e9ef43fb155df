package org.musicdiscovery.core.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLoopsDefaultTest {

    @Test
    void oneLoopPerTwoCpusAndNeverNone() {
        assertEquals(1, EventLoopsDefault.loops(1));
        assertEquals(1, EventLoopsDefault.loops(2));
        assertEquals(1, EventLoopsDefault.loops(3));
        assertEquals(2, EventLoopsDefault.loops(4));
        assertEquals(8, EventLoopsDefault.loops(16));
    }

    /** Registered through the service file, as Quarkus finds it at start. */
    @Test
    void theServiceLoaderFindsItAndItNamesThisMachinesCount() {
        var config = new SmallRyeConfigBuilder().addDiscoveredSources().build();
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(EventLoopsDefault.loops(cpus), config.getValue(EventLoopsDefault.KEY, Integer.class));
    }

    /** An operator's setting wins: application.properties here (ordinal 250); the environment and -D rank higher. */
    @Test
    void anExplicitSettingWins() {
        var config = new SmallRyeConfigBuilder().withSources(new EventLoopsDefault(8),
                new PropertiesConfigSource(Map.of(EventLoopsDefault.KEY, "3"), "application.properties", 250)).build();
        assertEquals(3, config.getValue(EventLoopsDefault.KEY, Integer.class));
        var alone = new SmallRyeConfigBuilder().withSources(new EventLoopsDefault(8)).build();
        assertEquals(4, alone.getValue(EventLoopsDefault.KEY, Integer.class));
    }
}
