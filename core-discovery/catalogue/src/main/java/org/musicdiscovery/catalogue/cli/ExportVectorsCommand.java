package org.musicdiscovery.catalogue.cli;

import org.musicdiscovery.catalogue.vectors.VectorExport;
import org.musicdiscovery.catalogue.vectors.VectorExporter;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "export-vectors", mixinStandardHelpOptions = true,
        description = "Writes genre-dims.tsv, genre-vectors.tsv (sparse) and genre-vectors.dense.tsv from the stored catalogue.")
final class ExportVectorsCommand extends CatalogueCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        VectorExport e = new VectorExporter(options.database().dataSource(), progress())
                .export(options.outDir.toAbsolutePath());
        out().println(e.items() + " vectors, " + e.dims() + " dims, digest " + e.digest() + " in " + e.dir());
        return 0;
    }
}
