package org.musicdiscovery.embeddings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.source.DataDir;
import org.musicdiscovery.embeddings.corpus.CatalogueCorpus;
import org.musicdiscovery.embeddings.eval.GenreAgreement;
import org.musicdiscovery.embeddings.io.VectorFiles;
import org.musicdiscovery.embeddings.train.TrainJob;
import org.musicdiscovery.embeddings.train.TrainParams;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in ({@code -Dembeddings.realdata=true}, ~1 min): trains on the ingested real catalogue (database
 * {@code discovery}, read only) and checks that neighbours share the seed's top genre far more often than random items.
 */
@EnabledIfSystemProperty(named = "embeddings.realdata", matches = "true")
class RealDataTrainingTest {

    @TempDir
    Path out;

    @Test
    void realNeighboursShareGenresWellAboveChance() throws Exception {
        var ds = new Database(System.getProperty("embeddings.db.url", "jdbc:postgresql://127.0.0.1:5432/discovery"),
                "postgres", "").dataSource();
        new TrainJob(ds, DataDir.require(null).resolve("lastfm-hetrec-2k"), out, System.err::println)
                .run(TrainParams.defaults());
        CatalogueCorpus corpus = new CatalogueCorpus(ds);
        for (String kind : new String[] {"song", "artist"}) {
            var e = VectorFiles.toEmbeddings(VectorFiles.read(out.resolve(kind + "-vectors.tsv"),
                    out.resolve(kind + "-mapping.tsv")));
            GenreAgreement.Result r = GenreAgreement.evaluate(e, corpus.topGenres(kind.charAt(0)), 1000, 10, 1);
            System.err.println(kind + ": " + r);
            assertTrue(r.neighbourShare() > 3 * r.randomShare(), kind + ": " + r);
        }
    }
}
