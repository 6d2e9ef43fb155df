package org.musicdiscovery.catalogue.db;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Bulk load through PostgreSQL COPY (text format): the fast path for ingest. Values are rendered with
 * {@code toString()}; {@code null} becomes {@code \N}; a {@link List} becomes a text[] literal.
 */
public final class PgCopy {

    private static final int CHUNK_ROWS = 20_000;

    private PgCopy() {
    }

    /** Copies rows into {@code table(columns)}; returns rows copied. */
    public static long copy(Connection c, String table, String columns, Collection<Object[]> rows) throws SQLException {
        var manager = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        long total = 0;
        StringBuilder buf = new StringBuilder(1 << 20);
        int inChunk = 0;
        try {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        buf.append('\t');
                    }
                    appendValue(buf, row[i]);
                }
                buf.append('\n');
                if (++inChunk == CHUNK_ROWS) {
                    total += manager.copyIn(sql, new StringReader(buf.toString()));
                    buf.setLength(0);
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                total += manager.copyIn(sql, new StringReader(buf.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
        return total;
    }

    private static void appendValue(StringBuilder buf, Object value) {
        if (value == null) {
            buf.append("\\N");
        } else if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append('"').append(String.valueOf(list.get(i)).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            escape(buf, array.append('}').toString());
        } else {
            escape(buf, value.toString());
        }
    }

    private static void escape(StringBuilder buf, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buf.append("\\\\");
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                default -> buf.append(ch);
            }
        }
    }
}
