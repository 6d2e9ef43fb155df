package org.musicdiscovery.catalogue.vectors;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.TestStack;
import org.musicdiscovery.catalogue.model.DuplicateKey;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.store.CatalogueDetails;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorExporterTest {

    @Test
    void sparseAndDenseFilesAgreeAndSumToOne() throws Exception {
        VectorExport e = TestStack.fixtureIngested().export();
        List<String> dims = Files.readAllLines(e.dir().resolve(VectorExporter.DIMS));
        List<String> sparse = Files.readAllLines(e.dir().resolve(VectorExporter.SPARSE));
        List<String> dense = Files.readAllLines(e.dir().resolve(VectorExporter.DENSE));
        assertEquals(e.dims(), dims.size());
        assertEquals(e.items(), sparse.size());
        assertEquals(20 + 7 + 14, sparse.size(), "songs, playlists and artists that have genres");
        assertEquals(sparse.size(), dense.size());
        double popular = 0;
        var details = new CatalogueDetails(TestStack.dataSource());
        for (int vid = 0; vid < sparse.size(); vid++) {
            String[] f = sparse.get(vid).split("\t");
            assertEquals(6, f.length, "vid, type, id, genres, popularity, duplicate");
            assertEquals(Integer.toString(vid), f[0], "vids are dense 0..n-1");
            assertTrue(Double.parseDouble(f[4]) >= 0, "popularity " + f[4]);
            popular = Math.max(popular, Double.parseDouble(f[4]));
            assertTrue(List.of("s", "p", "a").contains(f[1]));
            ItemRef ref = new ItemRef(ItemType.fromCode(f[1]), Long.parseLong(f[2]));
            EntityDetail detail = details.load(List.of(ref)).get(ref);
            assertEquals(detail.popularity(), Double.parseDouble(f[4]), "the popularity core ranks with");
            assertEquals(ref.type() == ItemType.SONG ? Long.toHexString(DuplicateKey.hash(detail.duplicateKey())) : "-",
                    f[5], "the duplicate key core de-duplicates with, " + ref);
            double sum = 0;
            String[] d = dense.get(vid).split("\t")[1].split(" ");
            assertEquals(e.dims(), d.length);
            for (String entry : f[3].split(",")) {
                String[] kv = entry.split(":");
                sum += Double.parseDouble(kv[1]);
                assertEquals(Float.parseFloat(kv[1]), Float.parseFloat(d[Integer.parseInt(kv[0])]));
            }
            assertEquals(1.0, sum, 1e-5, "line " + vid);
        }
        assertEquals("0\ts\t0\t", sparse.getFirst().substring(0, 6), "songs first, by id");
        assertTrue(popular > 0, "songs in playlists are popular, and the export says so");
        for (int i = 0; i < dims.size(); i++) {
            assertTrue(dims.get(i).startsWith(i + "\t"), "dims are numbered 0..f-1");
        }
    }
}
