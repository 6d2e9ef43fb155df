package org.musicdiscovery.keys.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicdiscovery.keys.KeySchema;
import org.musicdiscovery.keys.KeyStore;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/api-keys create|list|revoke}: manages the web layer's API keys. A created key is printed once on
 * stdout (and only there, so {@code KEY=$(scripts/api-keys create --name app)} works); messages go to stderr.
 */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys of the public API (keys are stored hashed).",
        subcommands = {KeysCli.Create.class, KeysCli.ListKeys.class, KeysCli.Revoke.class})
public final class KeysCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new KeysCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> { // a clear line, not a stack trace
                    cmd.getErr().println("error: " + e.getMessage());
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args));
    }

    /** Database options; the web layer reads the same variables. */
    static final class Db {
        @Option(names = "--db-url", defaultValue = "${env:DISCOVERY_WEB_DB_URL:-${env:DISCOVERY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/discovery}}",
                description = "JDBC URL (env DISCOVERY_WEB_DB_URL, else DISCOVERY_DB_URL; default ${DEFAULT-VALUE})")
        String url;
        @Option(names = "--db-user", defaultValue = "${env:DISCOVERY_DB_USER:-postgres}", description = "database user")
        String user;
        @Option(names = "--db-password", defaultValue = "${env:DISCOVERY_DB_PASSWORD:-}", description = "database password")
        String password;

        KeyStore store() {
            var ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(user);
            if (password != null && !password.isEmpty()) {
                ds.setPassword(password);
            }
            KeySchema.migrate(ds);
            return new KeyStore(ds);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it (once).")
    static final class Create implements Callable<Integer> {
        @Mixin
        Db db;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--name", required = true, description = "who the key is for (1..100 characters)")
        String name;
        @Option(names = "--rate-per-minute", defaultValue = "600", description = "requests per minute (default ${DEFAULT-VALUE})")
        int rate;

        @Override
        public Integer call() {
            KeyStore.CreatedKey created = db.store().create(name, rate);
            PrintWriter err = spec.commandLine().getErr();
            err.printf("created key %d \"%s\" (%s…, %d requests/minute); store it now, only its hash is kept%n",
                    created.stored().id(), created.stored().name(), created.stored().prefix(), rate);
            err.flush();
            spec.commandLine().getOut().println(created.key());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never the keys themselves).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        Db db;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-6s %-14s %-8s %-22s %-8s %s%n", "id", "prefix", "rate/min", "created", "state", "name");
            for (KeyStore.StoredKey k : db.store().list()) {
                out.printf("%-6d %-14s %-8d %-22s %-8s %s%n", k.id(), k.prefix(), k.ratePerMinute(),
                        k.createdAt().toString().substring(0, 19), k.revoked() ? "revoked" : "active", k.name());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key by id or prefix; the web layer refuses it (403) within its key-cache time.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Db db;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID|PREFIX", description = "the key's id or its prefix (as `list` shows)")
        String which;

        @Override
        public Integer call() {
            List<KeyStore.StoredKey> revoked = db.store().revoke(which);
            PrintWriter err = spec.commandLine().getErr();
            if (revoked.isEmpty()) {
                err.println("no active key matches " + which);
                err.flush();
                return 1;
            }
            revoked.forEach(k -> err.printf("revoked key %d \"%s\" (%s…)%n", k.id(), k.name(), k.prefix()));
            err.flush();
            return 0;
        }
    }
}
