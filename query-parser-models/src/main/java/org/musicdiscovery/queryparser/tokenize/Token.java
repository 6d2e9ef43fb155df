package org.musicdiscovery.queryparser.tokenize;

/**
 * One token of a query: the text as typed (what the name finder sees), its comparison key (what the gazetteers
 * see; empty for punctuation and emoji) and its character offsets in the query.
 */
public record Token(String text, String key, int start, int end) {

    public boolean isWord() {
        return !key.isEmpty();
    }
}
