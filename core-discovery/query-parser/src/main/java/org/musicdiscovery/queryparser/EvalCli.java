package org.musicdiscovery.queryparser;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import opennlp.tools.util.Span;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.queryparser.lexicon.ModelFiles;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import org.musicdiscovery.queryparser.tokenize.Token;
import org.musicdiscovery.queryparser.training.DataDir;
import org.musicdiscovery.queryparser.training.DatasetOptions;
import org.musicdiscovery.queryparser.training.LabeledQuery;
import org.musicdiscovery.queryparser.training.TrainingSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/eval-parser}: per-type precision / recall / F1 of the committed models on the held-out templates
 * (with held-out names and fillers) and on the held-out fifth of Snips, plus quantifier-to-weight correctness.
 * Genres and artists are scored on the parser's output (genres wanted and excluded, canonical names; artist keys
 * must match exactly); artists and tracks also on the name finder's spans alone.
 */
@Command(name = "eval-parser", mixinStandardHelpOptions = true,
        description = "Evaluate the query parser on held-out templates and Snips.")
public final class EvalCli implements Callable<Integer> {

    @CommandLine.Mixin
    DatasetOptions dataset = new DatasetOptions();
    @Option(names = "--errors", description = "print up to N wrong held-out queries (default: ${DEFAULT-VALUE})")
    int errors = 0;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalCli()).execute(args));
    }

    @Override
    public Integer call() {
        PhraseGazetteer gazetteer = PhraseGazetteer.fromClasspath();
        EntityFinder finder = EntityFinder.fromClasspath();
        QueryParser parser = new QueryParser(gazetteer, PhraseGazetteer.fromClasspath(ModelFiles.ARTISTS), finder);
        TrainingSet set = TrainingSet.build(DataDir.resolve(dataset.dataDir), gazetteer, dataset.seed,
                dataset.generated);
        System.out.printf("held-out templates: %d queries; Snips held-out: %d queries%n",
                set.templatesHeld().size(), set.snipsHeld().size());
        report("held-out templates", set.templatesHeld(), parser, finder, true);
        report("Snips (held-out fifth)", set.snipsHeld(), parser, finder, false);
        return 0;
    }

    private void report(String title, List<LabeledQuery> queries, QueryParser parser, EntityFinder finder,
                        boolean weights) {
        Map<String, Score> scores = new TreeMap<>();
        int mixes = 0;
        int mixesRight = 0;
        int shown = 0;
        for (LabeledQuery q : queries) {
            ParsedQuery p = parser.parse(q.text());
            Set<String> gold = new HashSet<>(q.genres().keySet());
            gold.addAll(q.excluded());
            Set<String> got = new HashSet<>(p.genres().keySet());
            got.addAll(p.excluded());
            scores.computeIfAbsent("genre", k -> new Score()).add(gold, got);
            Map<String, Set<String>> spans = spans(finder, q.text());
            boolean entitiesRight = true;
            for (String type : List.of("artist", "track")) {
                Set<String> g = q.entityTexts(type).stream().map(QueryTokenizer::key).collect(Collectors.toSet());
                Set<String> f = spans.getOrDefault(type, Set.of());
                scores.computeIfAbsent(type + " (name finder alone)", k -> new Score()).add(g, f);
                if (type.equals("artist")) {
                    Set<String> parsed = p.artists().stream().map(QueryTokenizer::key).collect(Collectors.toSet());
                    scores.computeIfAbsent("artist", k -> new Score()).add(g, parsed);
                    entitiesRight &= g.equals(parsed);
                }
            }
            boolean mixRight = true;
            if (weights && !q.genres().isEmpty()) {
                mixes++;
                mixRight = sameMix(q.genres(), p.genres()) && q.excluded().equals(p.excluded());
                mixesRight += mixRight ? 1 : 0;
            }
            if ((!mixRight || !entitiesRight || !gold.equals(got)) && shown < errors) {
                shown++;
                System.out.printf("  [%s] %s%n      gold genres=%s excluded=%s entities=%s%n      got  %s%n",
                        q.source(), q.text(), q.genres(), q.excluded(), q.entities().stream()
                                .map(e -> e.type() + ":" + q.text().substring(e.start(), e.end())).toList(), p);
            }
        }
        System.out.printf("%n%s%n%-28s %9s %9s %9s %7s%n", title, "type", "precision", "recall", "F1", "gold");
        scores.forEach((type, s) -> System.out.printf("%-28s %9.3f %9.3f %9.3f %7d%n", type, s.precision(),
                s.recall(), s.f1(), s.tp + s.fn));
        if (weights) {
            System.out.printf("quantifier-to-weight correctness: %.3f (%d of %d queries with genres: same genres, "
                    + "every weight within 0.01, same exclusions)%n", mixesRight / (double) mixes, mixesRight, mixes);
        }
    }

    static boolean sameMix(Map<String, Double> gold, Map<String, Double> got) {
        return gold.keySet().equals(got.keySet())
                && gold.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - got.get(e.getKey())) <= 0.01);
    }

    private static Map<String, Set<String>> spans(EntityFinder finder, String text) {
        List<Token> tokens = QueryTokenizer.tokenize(text);
        Map<String, Set<String>> out = new TreeMap<>();
        for (Span s : finder.find(QueryTokenizer.texts(tokens))) {
            String surface = text.substring(tokens.get(s.getStart()).start(), tokens.get(s.getEnd() - 1).end());
            out.computeIfAbsent(s.getType(), k -> new HashSet<>()).add(QueryTokenizer.key(surface));
        }
        return out;
    }

    /** Set-based entity counts. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        void add(Set<String> gold, Set<String> got) {
            for (String g : got) {
                if (gold.contains(g)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            fn += (int) gold.stream().filter(g -> !got.contains(g)).count();
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
