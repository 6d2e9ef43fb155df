package org.musicdiscovery.queryparser.lexicon;

/** Classpath locations of the versioned parser artifacts (written by the trainer, read by the parser). */
public final class ModelFiles {

    public static final String VERSION = "v1";
    public static final String DIR = "org/musicdiscovery/queryparser/models/" + VERSION + "/";
    /** OpenNLP name finder for the open classes: artist, track. */
    public static final String ENTITIES = DIR + "entities.bin";
    /** Genre gazetteer: spelling TAB canonical, generated from the catalogue vocabulary. */
    public static final String GENRES = DIR + "genres.tsv";
    /** Catalogue artist names (YES + HetRec): name TAB name, for snapping and confirming name-finder spans. */
    public static final String ARTISTS = DIR + "artists.tsv";
    public static final String MANIFEST = DIR + "manifest.properties";
    /** Source tree path of the same directory, for the trainer. */
    public static final String SOURCE_DIR = "query-parser-models/src/main/resources/" + DIR;

    private ModelFiles() {
    }
}
