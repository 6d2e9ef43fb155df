package org.musicdiscovery.catalogue.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuplicateKeyTest {

    @ParameterizedTest(name = "{0} / {1} = {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        "Hey Jude|The Beatles|Hey Jude (Remastered 2015)|The Beatles",
        "Hey Jude|The Beatles|Hey Jude - Remastered 2009|Beatles",
        "Gucci Time|Gucci Mane|Gucci Time (w\\/ Swizz Beatz)|Gucci Mane",
        "Aston Martin Music|Rick Ross|Aston Martin Music (w/ Drake & Chrisette Michelle)|Rick Ross",
        "Umbrella|Rihanna|Umbrella feat. Jay-Z|Rihanna & Jay-Z",
        "Hold On|Wilson Phillips|Hold On - Single Version|Wilson Phillips",
        "Halo|Beyoncé|HALO (Radio Edit)|Beyonce",
        "Don't Stop Believin'|Journey|Dont Stop Believin (Live)|Journey",
        "Empire State of Mind|Jay-Z|Empire State Of Mind [feat. Alicia Keys]|Jay-Z feat. Alicia Keys",
    })
    void versionsOfOneRecordingShareAKey(String t1, String a1, String t2, String a2) {
        assertEquals(DuplicateKey.of(t1, a1), DuplicateKey.of(t2, a2));
        assertEquals(DuplicateKey.hash(DuplicateKey.of(t1, a1)), DuplicateKey.hash(DuplicateKey.of(t2, a2)));
    }

    @ParameterizedTest(name = "{0} / {1} != {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        "Hello|Adele|Hello|Lionel Richie",
        "Someone Like You|Adele|Someone New|Adele",
        "Live and Let Die|Wings|Let Die|Wings",
        "Hey Jude|The Beatles|Hey Jules|The Beatles",
    })
    void differentSongsKeepDifferentKeys(String t1, String a1, String t2, String a2) {
        assertNotEquals(DuplicateKey.of(t1, a1), DuplicateKey.of(t2, a2));
        assertNotEquals(DuplicateKey.hash(DuplicateKey.of(t1, a1)), DuplicateKey.hash(DuplicateKey.of(t2, a2)));
    }

    /** Exported indices carry these hashes: the function must not change between versions (FNV-1a test vectors). */
    @Test
    void hashIsFnv1a64() {
        assertEquals(0xcbf29ce484222325L, DuplicateKey.hash(""));
        assertEquals(0xaf63dc4c8601ec8cL, DuplicateKey.hash("a"));
        assertEquals(0x85944171f73967e8L, DuplicateKey.hash("foobar"));
    }
}
