package org.musicdiscovery.queryparser.training;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.util.StringList;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.musicdiscovery.catalogue.genre.GenreVocabulary;
import org.musicdiscovery.queryparser.lexicon.ClosedClasses;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.lexicon.ModelFiles;
import org.musicdiscovery.queryparser.lexicon.QuantifierScale;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reproducible trainer: writes the genre gazetteer (from the catalogue vocabulary), the OpenNLP name finder for
 * artists and tracks (Snips + generated queries, fixed seed) and a manifest into the models directory.
 */
@Command(name = "train-parser", mixinStandardHelpOptions = true,
        description = "Train the query parser's models from the real data (fixed seed, reproducible).")
public final class TrainParser implements Callable<Integer> {

    @CommandLine.Mixin
    DatasetOptions dataset = new DatasetOptions();
    @Option(names = "--out", description = "models directory (default: ${DEFAULT-VALUE})")
    Path out = Path.of(ModelFiles.SOURCE_DIR);
    @Option(names = "--without-held-out-names", description = "ablation: leave the held-out artist names out of "
            + "the artist list too, to measure names the parser has never heard of (write to another --out)")
    boolean withoutHeldOutNames;
    @Option(names = "--iterations", description = "maxent iterations (default: ${DEFAULT-VALUE})")
    int iterations = 100;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainParser()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path data = DataDir.resolve(dataset.dataDir);
        long t0 = System.nanoTime();
        Map<String, String> spellings = gazetteerSpellings(GenreVocabulary.load(data));
        Files.createDirectories(out);
        writeGazetteer(spellings, out.resolve("genres.tsv"), "genre spelling TAB canonical genre");
        PhraseGazetteer gazetteer = new PhraseGazetteer(spellings);
        System.out.printf("gazetteer: %d spellings of %d genres%n", gazetteer.size(),
                spellings.values().stream().distinct().count());
        NameSource names = NameSource.load(data);
        Map<String, String> artists = artistNames(withoutHeldOutNames ? names.trainArtists() : names.allArtists(),
                gazetteer);
        writeGazetteer(artists, out.resolve("artists.tsv"), "catalogue artist name TAB name");
        System.out.printf("artist gazetteer: %d names%n", artists.size());
        TrainingSet set = TrainingSet.build(data, gazetteer, dataset.seed, dataset.generated);
        System.out.printf("training queries: %d (Snips + generated from %d templates); held out: %d Snips, %d from %d templates%n",
                set.train().size(), Templates.TRAIN.size(), set.snipsHeld().size(), set.templatesHeld().size(),
                Templates.HELD_OUT.size());
        List<NameSample> samples = new ArrayList<>();
        set.train().forEach(q -> samples.add(q.toNameSample()));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        System.out.printf("training name finder (maxent, %d iterations) ...%n", iterations);
        TokenNameFinderModel model = NameFinderME.train("en", null, new CollectionObjectStream<>(samples), params,
                factory(artists.keySet()));
        Path modelFile = out.resolve("entities.bin");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(modelFile))) {
            model.serialize(os);
        }
        writeManifest(set, gazetteer);
        System.out.printf("wrote %s (%d bytes), genres.tsv, manifest.properties in %.1f s%n", modelFile,
                Files.size(modelFile), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /**
     * Canonical names and alias spellings of the catalogue vocabulary, minus spellings that collide with the
     * query language itself ("a", "some", "no", "classic", …): those words mean something else in a query.
     */
    static Map<String, String> gazetteerSpellings(GenreVocabulary vocabulary) {
        Map<String, String> out = new TreeMap<>();
        vocabulary.genres().forEach(g -> out.put(g.name(), g.name()));
        vocabulary.aliases().forEach(out::putIfAbsent);
        out.keySet().removeIf(s -> {
            String key = QueryTokenizer.key(s);
            return key.isEmpty() || ClosedClasses.FILLER.contains(key) || ClosedClasses.NEGATIONS.contains(key)
                    || ClosedClasses.ITEM_TYPES.containsKey(key) || QuantifierScale.weight(key) != null
                    || AMBIGUOUS.contains(key);
        });
        return out;
    }

    /** Genre names that are mostly ordinary words in a query. */
    private static final List<String> AMBIGUOUS = List.of("classic", "hard", "live", "modern", "love", "party",
            "happy", "sad", "world", "free", "radio", "top", "hits", "old", "fusion");

    /** OpenNLP's default features plus catalogue-artist membership (see ner-features.xml). */
    static TokenNameFinderFactory factory(Collection<String> artistNames) throws IOException {
        Dictionary dictionary = new Dictionary(false);
        for (String name : artistNames) {
            String[] tokens = QueryTokenizer.texts(QueryTokenizer.tokenize(name));
            if (tokens.length > 0) {
                dictionary.put(new StringList(tokens));
            }
        }
        byte[] features;
        try (InputStream in = TrainParser.class.getResourceAsStream("ner-features.xml")) {
            features = in.readAllBytes();
        }
        return TokenNameFinderFactory.create(null, features, Map.of("artists", dictionary), new BioCodec());
    }

    /** Artist names except those that are query words or genre spellings ("Yes", "Play", "Jazz"). */
    static Map<String, String> artistNames(List<String> names, PhraseGazetteer genres) {
        Map<String, String> out = new TreeMap<>();
        for (String a : names) {
            String key = QueryTokenizer.key(a);
            if (!ClosedClasses.FILLER.contains(key) && !ClosedClasses.ITEM_TYPES.containsKey(key)
                    && !ClosedClasses.NEGATIONS.contains(key) && QuantifierScale.weight(key) == null
                    && genres.canonical(a) == null) {
                out.putIfAbsent(a, a);
            }
        }
        return out;
    }

    private static void writeGazetteer(Map<String, String> spellings, Path file, String what) throws IOException {
        StringBuilder sb = new StringBuilder("# " + what + "; generated by scripts/train-parser from the real data "
                + "(catalogue vocabulary / names) - do not edit\n");
        spellings.forEach((s, c) -> sb.append(s).append('\t').append(c).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private void writeManifest(TrainingSet set, PhraseGazetteer gazetteer) throws IOException {
        String text = String.join("\n",
                "# query parser models; regenerate with scripts/train-parser",
                "version=" + ModelFiles.VERSION,
                "seed=" + dataset.seed,
                "opennlp=" + opennlp.tools.util.Version.currentVersion(),
                "entities.types=artist,track",
                "entities.features=default + catalogue artist dictionary (training/ner-features.xml)",
                "entities.iterations=" + iterations,
                "training.queries=" + set.train().size(),
                "training.templates=" + Templates.TRAIN.size(),
                "heldout.templates=" + Templates.HELD_OUT.size(),
                "gazetteer.spellings=" + gazetteer.size(), "artists.file=artists.tsv", "");
        Files.writeString(out.resolve("manifest.properties"), text, StandardCharsets.UTF_8);
    }
}
