package org.musicdiscovery.queryparser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musicdiscovery.api.ParsedQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scripts/parse}: one JSON object per query, from the arguments or (with --stdin) one query per line. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse music queries into structured JSON (mode, itemType, genres, excluded, artists, seed, text).")
public final class ParseCli implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS).disable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--stdin", description = "read one query per line from standard input")
    boolean stdin;
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "queries to parse")
    List<String> queries = List.of();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ParseCli()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!stdin && queries.isEmpty()) {
            System.err.println("give a query, e.g. scripts/parse \"blues playlists with a little rock\", or --stdin");
            return 2;
        }
        QueryParser parser = new QueryParser();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String q : queries) {
            out.println(json(parser.parse(q)));
        }
        if (stdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                out.println(json(parser.parse(line)));
            }
        }
        return 0;
    }

    /** Every key present (null seed included), in the documented order. */
    static String json(ParsedQuery q) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", q.mode().name());
        m.put("itemType", q.itemType());
        m.put("genres", q.genres());
        m.put("excluded", q.excluded());
        m.put("artists", q.artists());
        m.put("seed", q.seed());
        m.put("text", q.text());
        return JSON.writeValueAsString(m);
    }
}
