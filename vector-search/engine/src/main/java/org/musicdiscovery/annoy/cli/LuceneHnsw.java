package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.musicdiscovery.annoy.Metric;

/**
 * Lucene's HNSW graph over the same items, the graph-based peer of the trees in {@code annoy bench --hnsw}: one
 * segment on disk (memory-mapped, as our files are), documents in item order so a doc id is the item id, searched
 * through the ordinary {@link KnnFloatVectorQuery}. Its effort knob is the candidate count (efSearch); the best k of
 * those are the answer.
 */
final class LuceneHnsw implements AutoCloseable {
    static final String FIELD = "v";
    private final FSDirectory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    final double buildMs;

    private LuceneHnsw(FSDirectory dir, double buildMs) throws IOException {
        this.dir = dir;
        this.reader = DirectoryReader.open(dir);
        this.searcher = new IndexSearcher(reader);
        this.buildMs = buildMs;
    }

    /** Annoy's metrics as Lucene's similarities: dot is maximum inner product (no unit-length requirement). */
    static VectorSimilarityFunction similarity(Metric metric) {
        return switch (metric.name()) {
            case "angular" -> VectorSimilarityFunction.COSINE;
            case "dot" -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            default -> VectorSimilarityFunction.EUCLIDEAN;
        };
    }

    /** Builds with graph degree {@code m} and construction beam {@code beamWidth}, merged to one segment. */
    static LuceneHnsw build(float[][] items, Metric metric, int m, int beamWidth, Path where) throws IOException {
        VectorSimilarityFunction sim = similarity(metric);
        FSDirectory dir = FSDirectory.open(where);
        long t0 = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(2048).setCodec(new Lucene103Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(m, beamWidth);
                    }
                });
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (float[] item : items) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, item, sim));
                w.addDocument(doc);
            }
            w.forceMerge(1); // one graph, as one Annoy file holds one forest
        }
        return new LuceneHnsw(dir, (System.nanoTime() - t0) / 1e6);
    }

    /** The best {@code k} of {@code candidates} found by the graph search, best first (doc id = item id). */
    int[] search(float[] q, int k, int candidates) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, q, Math.max(k, candidates)), k);
            int[] ids = new int[top.scoreDocs.length];
            int i = 0;
            for (ScoreDoc d : top.scoreDocs) {
                ids[i++] = d.doc;
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
