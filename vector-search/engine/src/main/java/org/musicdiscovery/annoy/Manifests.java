package org.musicdiscovery.annoy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BiFunction;
import java.util.zip.CRC32C;

/** The sidecar manifests' shared mechanics: {@code <file>.manifest.json} beside the file, JSON, CRC32C of the file. */
final class Manifests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    static Path pathFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".manifest.json");
    }

    static <T> T read(Path file, Class<T> type, BiFunction<String, Throwable, RuntimeException> refusal) {
        Path manifest = pathFor(file);
        try {
            return JSON.readValue(manifest.toFile(), type);
        } catch (IOException e) {
            throw refusal.apply(manifest + ": unreadable manifest: " + e.getMessage(), e);
        }
    }

    static void write(Path file, Object manifest) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(pathFor(file).toFile(), manifest);
    }

    static String crc32c(Path file) throws IOException {
        var crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return Long.toHexString(crc.getValue());
    }
}
