package com.example.invoices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's build snippets are the ones this project uses, and every docsdk dependency any README shows has the
 * version being built (or comes with the BOM import).
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of(System.getProperty("docsdk.root"));
    private static final String VERSION = System.getProperty("docsdk.version");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>.*?</dependency>");

    @Test
    void theRootReadmesMavenSnippetIsWhatThisProjectDeclares() throws IOException {
        String pom = normalize(Files.readString(Path.of("pom.xml")));
        List<String> snippet = blocks(Files.readString(ROOT.resolve("README.md")), "xml").stream()
                .filter(b -> b.contains("<artifactId>sdk-bom</artifactId>"))
                .findFirst().map(ReadmeSnippetsTest::dependencies).orElseThrow(
                        () -> new AssertionError("README.md shows no Maven snippet importing sdk-bom"));
        assertTrue(snippet.stream().anyMatch(d -> d.contains("<artifactId>sdk-fileai</artifactId>")), snippet::toString);
        assertTrue(snippet.stream().anyMatch(d -> d.contains("<artifactId>sdk-testkit</artifactId>")), snippet::toString);
        for (String dependency : snippet) {
            assertTrue(pom.contains(dependency), () -> "README.md shows " + dependency + ", which pom.xml lacks");
        }
    }

    @Test
    void everyReadmeShowsTheVersionBeingBuilt() throws IOException {
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            readmes = files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.toString().contains("target")).toList();
        }
        assertFalse(readmes.isEmpty());
        int versions = 0;
        for (Path readme : readmes) {
            String text = Files.readString(readme);
            for (String block : blocks(text, "xml")) {
                for (String dependency : dependencies(block)) {
                    if (!dependency.contains("<groupId>com.docsdk</groupId>")) {
                        continue;
                    }
                    Matcher version = Pattern.compile("<version>([^<]*)</version>").matcher(dependency);
                    if (version.find()) {
                        assertEquals(VERSION, version.group(1), readme + ": " + dependency);
                        versions++;
                    } else {
                        // without a version only where the same snippet imports the BOM
                        assertTrue(block.contains("<artifactId>sdk-bom</artifactId>"),
                                () -> readme + " shows a docsdk dependency without a version: " + dependency);
                    }
                }
            }
            Matcher gradle = Pattern.compile("com\\.docsdk:[a-z0-9-]+:([^\"')\\s]+)").matcher(text);
            while (gradle.find()) {
                assertEquals(VERSION, gradle.group(1), readme + ": " + gradle.group());
                versions++;
            }
        }
        assertTrue(versions > 0, "no README shows a docsdk version");
    }

    private static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    private static List<String> dependencies(String xml) {
        List<String> found = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(normalize(xml));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Without comments and whitespace, so layout and remarks do not count. */
    private static String normalize(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "").replaceAll("\\s+", "");
    }
}
