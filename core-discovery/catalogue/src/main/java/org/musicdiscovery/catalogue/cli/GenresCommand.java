package org.musicdiscovery.catalogue.cli;

import org.musicdiscovery.catalogue.genre.Genre;
import org.musicdiscovery.catalogue.genre.GenreVocabulary;
import org.musicdiscovery.catalogue.genre.TagGenreMapper;
import org.musicdiscovery.catalogue.genre.TagMapping;
import org.musicdiscovery.catalogue.source.HetrecLoader;
import org.musicdiscovery.catalogue.source.YesFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "genres", mixinStandardHelpOptions = true,
        description = "Prints the genre vocabulary (TSV: genre, parent, depth), the aliases, or the tag mapping table.")
final class GenresCommand extends CatalogueCommand implements Callable<Integer> {

    @Option(names = "--aliases", description = "print alias TAB genre instead")
    boolean aliases;

    @Option(names = "--tags", description = "print the tag mapping of the data dir's tags: tag TAB genre TAB rule")
    boolean tags;

    @Override
    public Integer call() {
        Path dataDir = options.dataDir();
        GenreVocabulary vocabulary = GenreVocabulary.load(dataDir);
        PrintWriter out = out();
        if (tags) {
            TagGenreMapper mapper = new TagGenreMapper(vocabulary);
            TreeSet<String> all = new TreeSet<>(new YesFolder(dataDir.resolve("yes/complete")).tagNames().values());
            all.addAll(HetrecLoader.load(dataDir.resolve("lastfm-hetrec-2k")).tagNames().values());
            for (String tag : all) {
                TagMapping m = mapper.map(tag);
                out.println(tag + "\t" + (m.genre() == null ? "-" : m.genre()) + "\t" + m.rule());
            }
        } else if (aliases) {
            vocabulary.aliases().forEach((alias, genre) -> out.println(alias + "\t" + genre));
        } else {
            for (Genre g : vocabulary.genres()) {
                out.println(g.name() + "\t" + (g.parent() == null ? "-" : g.parent()) + "\t" + g.depth());
            }
        }
        out.flush();
        return 0;
    }
}
