package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExportCsvReader}: ISO-8859-1 from the export's MIME type, RFC 4180 quoting, rows one at a time. */
class ExportCsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void decodesIso88591AndQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        String csv = "CAS ID,Name,Note\r\n1234567890,\"Müller, José\",\"said \"\"hi\"\"\"\r\n"
                + "9876543210,Zoë,\"two\nlines\"\n42,,\n";
        Path file = dir.resolve("export.csv");
        Files.write(file, csv.getBytes(StandardCharsets.ISO_8859_1));

        try (ExportCsvReader rows = ExportCsvReader.open(file, "text/csv;charset=iso-8859-1")) {
            assertEquals(List.of("CAS ID", "Name", "Note"), rows.next());
            assertEquals(List.of("1234567890", "Müller, José", "said \"hi\""), rows.next());
            assertEquals(List.of("9876543210", "Zoë", "two\nlines"), rows.next());
            assertEquals(List.of("42", "", ""), rows.next());
            assertFalse(rows.hasNext());
        }
    }

    @Test
    void theCharsetComesFromTheMimeTypeAndDefaultsToIso88591() {
        assertEquals(StandardCharsets.ISO_8859_1, ExportCsvReader.charset("text/csv"));
        assertEquals(StandardCharsets.ISO_8859_1, ExportCsvReader.charset(null));
        assertEquals(StandardCharsets.UTF_8, ExportCsvReader.charset("text/csv; charset=\"UTF-8\""));
        assertThrows(ClientValidationException.class, () -> ExportCsvReader.charset("text/csv;charset=nope-42"));
    }

    @Test
    void readsAFileLargerThanItHoldsInMemoryRowByRow() {
        long rows = 200_000;
        InputStream generated = new InputStream() {
            private long row;
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() {
                if (pos == current.length) {
                    if (row == rows) {
                        return -1;
                    }
                    current = (row++ + ",\"Ångström, " + row + "\"\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    pos = 0;
                }
                return current[pos++] & 0xff;
            }
        };

        try (ExportCsvReader reader = ExportCsvReader.open(generated, "text/csv;charset=iso-8859-1")) {
            assertEquals(rows, reader.stream().filter(r -> r.get(1).startsWith("Ångström, ")).count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnclosedQuoteIsAnErrorNotATruncatedRow() {
        ExportCsvReader reader = ExportCsvReader.open(new ByteArrayInputStream(
                "a,b\n1,\"never closed\n".getBytes(StandardCharsets.ISO_8859_1)), null);
        assertEquals(List.of("a", "b"), reader.next());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, reader::next);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
