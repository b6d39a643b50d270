package com.docsdk.webadmit;

import com.docsdk.core.error.SdkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a downloaded PDF Manager zip with safe names: an entry whose name is absolute, has a drive letter, or
 * climbs out with {@code ..} is refused before anything of the zip is written, so no path escapes the target
 * directory. Each file is written to a temporary name and moved into place.
 */
final class ZipUnpack {
    private ZipUnpack() {
    }

    static List<Path> unpack(Path zipFile, Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            List<ZipEntry> files = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                safeTarget(root, e.getName(), zipFile);
                if (!e.isDirectory()) {
                    files.add(e);
                }
            }
            List<Path> written = new ArrayList<>();
            for (ZipEntry e : files) {
                Path target = safeTarget(root, e.getName(), zipFile);
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zipFile, e);
        }
    }

    private static Path safeTarget(Path root, String name, Path zipFile) {
        String n = name.replace('\\', '/');
        boolean bad = n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0");
        Path target = bad ? null : root.resolve(n).normalize();
        if (target == null || !target.startsWith(root) || target.equals(root)) {
            throw new SdkException("The zip " + zipFile.getFileName() + " holds an entry whose name would escape the"
                    + " target directory: '" + name + "'; nothing was unpacked");
        }
        return target;
    }
}
