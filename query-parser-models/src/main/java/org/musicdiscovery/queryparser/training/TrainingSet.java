package org.musicdiscovery.queryparser.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;

/**
 * The labelled queries of one reproducible run: Snips (four in five for training, every fifth held out) and
 * generated queries from the training templates and names, or from the held-out templates and names.
 */
public record TrainingSet(List<LabeledQuery> train, List<LabeledQuery> snipsHeld, List<LabeledQuery> templatesHeld) {

    public static TrainingSet build(Path dataDir, PhraseGazetteer gazetteer, long seed, int generated) {
        List<LabeledQuery> snips = SnipsReader.read(dataDir.resolve("snips"), gazetteer);
        NameSource names = NameSource.load(dataDir);
        List<LabeledQuery> train = new ArrayList<>();
        List<LabeledQuery> snipsHeld = new ArrayList<>();
        for (int i = 0; i < snips.size(); i++) {
            (i % 5 == 4 ? snipsHeld : train).add(snips.get(i));
        }
        train.addAll(new QueryGenerator(gazetteer, names, false, seed).generate(generated));
        List<LabeledQuery> held = new QueryGenerator(gazetteer, names, true, seed + 1).generate(generated / 5);
        return new TrainingSet(train, snipsHeld, held);
    }
}
