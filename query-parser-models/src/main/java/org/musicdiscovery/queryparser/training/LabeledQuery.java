package org.musicdiscovery.queryparser.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import org.musicdiscovery.queryparser.tokenize.Token;

/**
 * A query with its gold annotation: character spans of open-class entities (artist, track) for the name finder,
 * and the expected structure (canonical genre → raw weight, excluded genres) for evaluation.
 *
 * @param source   "snips" or the template id it was generated from
 * @param entities character spans typed "artist" or "track"
 * @param genres   canonical genre → expected normalised weight (empty if the query names none)
 */
public record LabeledQuery(String source, String text, List<CharSpan> entities, Map<String, Double> genres,
                           List<String> excluded) {

    /** An entity by character offsets [start, end) and type. */
    public record CharSpan(int start, int end, String type) {
    }

    /** Tokenised with the shared tokenizer; an entity covers every token overlapping its characters. */
    public NameSample toNameSample() {
        List<Token> tokens = QueryTokenizer.tokenize(text);
        List<Span> spans = new ArrayList<>();
        for (CharSpan e : entities) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.end() > e.start() && t.start() < e.end()) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            Span span = first < 0 ? null : new Span(first, last + 1, e.type());
            if (span != null && spans.stream().noneMatch(s -> s.intersects(span))) {
                spans.add(span);
            }
        }
        spans.sort(null);
        return new NameSample(QueryTokenizer.texts(tokens), spans.toArray(Span[]::new), true);
    }

    /** The surface strings of gold entities of one type. */
    public List<String> entityTexts(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).map(e -> text.substring(e.start(), e.end()))
                .toList();
    }
}
