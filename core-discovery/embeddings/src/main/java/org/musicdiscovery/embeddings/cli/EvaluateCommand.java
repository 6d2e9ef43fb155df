package org.musicdiscovery.embeddings.cli;

import org.musicdiscovery.catalogue.model.TextKey;
import org.musicdiscovery.embeddings.corpus.CatalogueCorpus;
import org.musicdiscovery.embeddings.eval.GenreAgreement;
import org.musicdiscovery.embeddings.io.VectorFiles;
import org.musicdiscovery.embeddings.train.Embeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Share of top-k neighbours (exact cosine) sharing the seed's top genre vs random items, and named "
                + "examples; markdown on stdout.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DbOptions db;

    @Option(names = "--dir", defaultValue = "var/embeddings", description = "trained vectors (default ${DEFAULT-VALUE})")
    Path dir;
    @Option(names = "--seeds", defaultValue = "2000", description = "seed items sampled per type (default ${DEFAULT-VALUE})")
    int seeds;
    @Option(names = "-k", defaultValue = "10", description = "neighbours per seed (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--seed", defaultValue = "1", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--song", split = ",", defaultValue = "Hey Jude,Smells Like Teen Spirit,Crazy In Love,Lose Yourself,Take Five",
            description = "song titles for named examples (default ${DEFAULT-VALUE})")
    List<String> songs;
    @Option(names = "--artist", split = ",", defaultValue = "Adele,Metallica,Miles Davis,Eminem,Dolly Parton",
            description = "artist names for named examples (default ${DEFAULT-VALUE})")
    List<String> artists;
    @Option(names = "--examples", defaultValue = "5", description = "neighbours shown per example (default ${DEFAULT-VALUE})")
    int examples;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var progress = EmbeddingsCli.progress(spec.commandLine().getErr());
        CatalogueCorpus corpus = new CatalogueCorpus(db.dataSource());
        StringBuilder table = new StringBuilder("| items | vectors | with genre | seeds | k | neighbours sharing top genre"
                + " | random items | Σp² | lift |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder named = new StringBuilder();
        for (char type : new char[] {'s', 'a'}) {
            String name = type == 's' ? "song" : "artist";
            progress.accept("evaluating " + name + " vectors");
            Embeddings e = VectorFiles.toEmbeddings(VectorFiles.read(dir.resolve(name + "-vectors.tsv"),
                    dir.resolve(name + "-mapping.tsv")));
            Map<String, String> genres = corpus.topGenres(type);
            GenreAgreement.Result r = GenreAgreement.evaluate(e, genres, seeds, k, seed);
            table.append(String.format(Locale.ROOT, "| %ss | %,d | %,d | %,d | %d | %.3f | %.3f | %.3f | %.1f× |%n",
                    name, e.size(), r.candidates(), r.seeds(), r.k(), r.neighbourShare(), r.randomShare(), r.chance(),
                    r.lift()));
            Map<String, String> labels = corpus.labels(type);
            for (String query : type == 's' ? songs : artists) {
                String token = type == 's' ? corpus.songByTitle(query) : corpus.artistByKey(TextKey.of(query));
                if (token == null || !e.contains(token)) {
                    named.append(String.format("%ss like \"%s\": %s%n%n", name, query,
                            token == null ? "not in the catalogue" : "no vector (too rare in the playlists)"));
                    continue;
                }
                named.append(String.format("%ss like **%s** (%s):%n", name, labels.get(token),
                        genres.getOrDefault(token, "no genre")));
                for (String n : e.nearest(token, examples)) {
                    named.append(String.format("- %s (%s)%n", labels.get(n), genres.getOrDefault(n, "no genre")));
                }
                named.append('\n');
            }
        }
        out.println(table);
        out.print(named);
        out.flush();
        return 0;
    }
}
