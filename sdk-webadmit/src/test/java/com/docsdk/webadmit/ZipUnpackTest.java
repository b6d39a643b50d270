package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.SdkException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in unpack of PDF Manager zips: entries land under the target directory, or nothing is written. */
class ZipUnpackTest {
    @TempDir
    Path dir;

    private Path zip(String... names) throws IOException {
        Path file = dir.resolve("batch.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("%PDF-1.4 " + name).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void unpacksEveryEntryUnderTheTargetDirectory() throws IOException {
        Path out = dir.resolve("out");

        List<Path> files = ZipUnpack.unpack(zip("123456789.pdf", "letters/987654321.pdf"), out);

        assertEquals(List.of(out.resolve("123456789.pdf").toAbsolutePath(),
                out.resolve("letters/987654321.pdf").toAbsolutePath()), files);
        assertEquals("%PDF-1.4 123456789.pdf", Files.readString(files.get(0)));
    }

    @Test
    void anEntryEscapingTheDirectoryIsRefusedAndNothingIsWritten() throws IOException {
        for (String evil : List.of("../evil.pdf", "a/../../evil.pdf", "/etc/evil.pdf", "C:\\evil.pdf",
                "..\\evil.pdf")) {
            Path out = dir.resolve("out-" + Math.abs(evil.hashCode()));
            Path zip = zip("fine.pdf", evil);

            SdkException e = assertThrows(SdkException.class, () -> ZipUnpack.unpack(zip, out));

            assertTrue(e.getMessage().contains("escape"), e.getMessage());
            assertFalse(Files.exists(out.resolve("fine.pdf")), "nothing unpacked for " + evil);
            assertFalse(Files.exists(dir.resolve("evil.pdf")));
            try (Stream<Path> all = Files.walk(dir)) {
                assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("evil.pdf")), evil);
            }
        }
    }
}
