package com.docsdk.webadmit;

import com.docsdk.core.error.ClientValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the rows of a downloaded CSV export one at a time, for files larger than memory: RFC 4180 fields (quoted
 * fields may hold commas, doubled quotes and line breaks; CRLF or LF line ends), decoded with the charset of the
 * export's MIME type ({@code text/csv;charset=iso-8859-1}, WebAdMIT's documented one, is the default).
 *
 * <pre>{@code
 * try (ExportCsvReader rows = ExportCsvReader.open(Path.of("export.csv"), export.getMimeType())) {
 *     List<String> header = rows.next();
 *     rows.forEachRemaining(row -> System.out.println(row.get(0)));
 * }
 * }</pre>
 *
 * Not thread-safe. A quoted field left open at the end of the file is an {@link UncheckedIOException} naming the line
 * it started on, never a silently truncated row.
 */
public final class ExportCsvReader implements Iterator<List<String>>, Closeable {
    /** WebAdMIT's CSV charset when the MIME type names none. */
    public static final Charset DEFAULT_CHARSET = StandardCharsets.ISO_8859_1;

    private final Reader in;
    private List<String> pending;
    private boolean finished;
    private long line = 1;

    private ExportCsvReader(Reader in) {
        this.in = in;
    }

    /** A reader of {@code file}, decoded with the charset of {@code mimeType} (ISO-8859-1 when it names none). */
    public static ExportCsvReader open(Path file, String mimeType) throws IOException {
        ClientValidationException.requireNonNull("file", file);
        Charset charset = charset(mimeType);
        return new ExportCsvReader(new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset)));
    }

    /** A reader of a stream (closed with this reader), decoded with the charset of {@code mimeType}. */
    public static ExportCsvReader open(InputStream stream, String mimeType) {
        ClientValidationException.requireNonNull("stream", stream);
        return new ExportCsvReader(new BufferedReader(new InputStreamReader(stream, charset(mimeType))));
    }

    /** The charset a MIME type's {@code charset} parameter names; ISO-8859-1 when it names none. */
    public static Charset charset(String mimeType) {
        if (mimeType == null) {
            return DEFAULT_CHARSET;
        }
        for (String part : mimeType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new ClientValidationException("mimeType", "names an unknown charset: " + name);
                }
            }
        }
        return DEFAULT_CHARSET;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readRow().orElse(null);
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        List<String> row = pending;
        pending = null;
        return row;
    }

    /** The remaining rows as a lazy stream (closing it closes this reader). */
    public Stream<List<String>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::closeQuietly);
    }

    private Optional<List<String>> readRow() {
        try {
            int c = in.read();
            if (c < 0) {
                return Optional.empty();
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            long startLine = line;
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new UncheckedIOException(new IOException(
                                "CSV field opened with a quote on line " + startLine + " is never closed"));
                    }
                    fields.add(field.toString());
                    return Optional.of(List.copyOf(fields));
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int n = in.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return Optional.of(List.copyOf(fields));
                } else {
                    field.append(ch);
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the CSV export", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
