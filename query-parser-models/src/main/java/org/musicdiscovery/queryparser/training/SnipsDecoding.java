package org.musicdiscovery.queryparser.training;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text of the Snips files, which are UTF-8 except for one PlayMusic line. */
public final class SnipsDecoding {

    private SnipsDecoding() {
    }

    /** UTF-8 line by line; a line that is not valid UTF-8 (one in PlayMusic) is read as windows-1252. */
    public static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                ByteBuffer line = ByteBuffer.wrap(bytes, from, i - from);
                try {
                    out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(line));
                } catch (CharacterCodingException e) {
                    out.append(new String(bytes, from, i - from, java.nio.charset.Charset.forName("windows-1252")));
                }
                if (i < bytes.length) {
                    out.append('\n');
                }
                from = i + 1;
            }
        }
        return out.toString();
    }
}
