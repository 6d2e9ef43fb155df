package org.musicdiscovery.catalogue.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** Base of the subcommands: the shared options and the command's own out/err streams. */
abstract class CatalogueCommand {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Progress progress() {
        return new Progress(spec.commandLine().getErr());
    }
}
