package org.musicdiscovery.catalogue.cli;

import org.musicdiscovery.catalogue.store.CatalogueStats;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "summary", mixinStandardHelpOptions = true, description = "Prints the counts of the stored catalogue.")
final class SummaryCommand extends CatalogueCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        out().print(CatalogueStats.query(options.database().dataSource()).toText());
        out().flush();
        return 0;
    }
}
