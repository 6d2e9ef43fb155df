package org.musicdiscovery.systest.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed nginx configurations as the tests need them: rendered like the official image renders
 * {@code templates/*.template} (envsubst of the variables that are set), and the few directives the tests compare
 * with the Compose files (upstream servers, listen ports, proxy_pass targets).
 */
public record NginxConf(String text) {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Like the image's envsubst: only variables present in {@code env} are replaced; nginx's own $vars stay. */
    public static NginxConf render(String template, Map<String, String> env) {
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return new NginxConf(out.toString());
    }

    /** The text without comments. */
    public String directives() {
        return text.replaceAll("(?m)#.*$", "");
    }

    /** Variables still in ${NAME} form (a template rendered without all of its inputs). */
    public List<String> unrenderedVariables() {
        return VAR.matcher(directives()).results().map(r -> r.group(1)).toList();
    }

    /** upstream name → its {@code server host:port} addresses. */
    public Map<String, List<String>> upstreams() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher block = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(directives());
        while (block.find()) {
            List<String> servers = new ArrayList<>();
            Pattern.compile("(?m)^\\s*server\\s+([^\\s;]+)").matcher(block.group(2)).results()
                    .forEach(r -> servers.add(r.group(1)));
            out.put(block.group(1), servers);
        }
        return out;
    }

    public List<Integer> listenPorts() {
        return Pattern.compile("(?m)^\\s*listen\\s+(?:[\\d.]+:)?(\\d+)").matcher(directives()).results()
                .map(r -> Integer.parseInt(r.group(1))).toList();
    }

    /** The upstream names {@code proxy_pass http://NAME} points at. */
    public List<String> proxyPassTargets() {
        return Pattern.compile("proxy_pass\\s+http://(\\w+)").matcher(directives()).results()
                .map(r -> r.group(1)).distinct().toList();
    }

    /**
     * The same configuration pointed at local addresses, for running it here: each upstream {@code server
     * host:port …;} becomes one line per local port in {@code servers} (what DNS would return for that many
     * replicas), each {@code listen P} → {@code listen 127.0.0.1:<listens[P]>}, and the {@code resolve} parameter
     * is dropped unless {@code keepResolve} (this nginx may predate it, and literal addresses need no resolving).
     */
    public NginxConf local(Map<String, List<Integer>> servers, Map<Integer, Integer> listens, boolean keepResolve) {
        String t = text;
        for (var e : servers.entrySet()) {
            Matcher m = Pattern.compile("(?m)^(\\s*server\\s+)" + Pattern.quote(e.getKey()) + "\\b([^;]*;)").matcher(t);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                StringBuilder lines = new StringBuilder();
                for (int port : e.getValue()) {
                    lines.append(lines.isEmpty() ? "" : "\n").append(m.group(1)).append("127.0.0.1:").append(port)
                            .append(m.group(2));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(lines.toString()));
            }
            m.appendTail(out);
            t = out.toString();
        }
        for (var e : listens.entrySet()) {
            t = t.replaceAll("(?m)(^\\s*listen\\s+)" + e.getKey() + "\\b", "$1127.0.0.1:" + e.getValue());
        }
        if (!keepResolve) {
            t = t.replaceAll("(?m)(^\\s*server\\s+[^;]*?)\\s+resolve\\b", "$1");
        }
        return new NginxConf(t);
    }
}
