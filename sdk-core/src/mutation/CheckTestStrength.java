import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads PIT's mutations.xml, prints the test strength (detected over covered mutants) of every class, and fails when
 * a class of the named groups is below the threshold. PIT itself can only hold the whole run to one threshold.
 *
 * <p>Run by the {@code mutation} profile of sdk-core (a single-file Java program, no dependencies):
 * {@code java CheckTestStrength.java <mutations.xml> <threshold %> <group=Class,Class,...>...}. Classes are named
 * by their simple name, so the check survives a move to sub-packages; nested classes and lambdas count towards their
 * top-level class. Prints the groups' classes and the totals; writes every class to {@code test-strength.txt}
 * beside the report.
 */
public final class CheckTestStrength {
    private static final class Tally {
        int mutants;
        int detected;
        int noCoverage;
        final List<String> survivors = new ArrayList<>();

        int covered() {
            return mutants - noCoverage;
        }

        double strength() {
            return covered() == 0 ? 0 : 100.0 * detected / covered();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CheckTestStrength <mutations.xml> <threshold> [group=Class,Class...]...");
            System.exit(2);
        }
        Path report = Path.of(args[0]);
        double threshold = Double.parseDouble(args[1]);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] g = args[i].split("=", 2);
            groups.put(g[0].trim(), List.of(g[1].trim().split("\\s*,\\s*")));
        }

        Map<String, Tally> byClass = new TreeMap<>();
        Tally all = new Tally();
        NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getElementsByTagName("mutation");
        for (int i = 0; i < mutations.getLength(); i++) {
            Element m = (Element) mutations.item(i);
            String mutated = text(m, "mutatedClass");
            String top = mutated.contains("$") ? mutated.substring(0, mutated.indexOf('$')) : mutated;
            Tally t = byClass.computeIfAbsent(top, k -> new Tally());
            boolean detected = Boolean.parseBoolean(m.getAttribute("detected"));
            boolean noCoverage = "NO_COVERAGE".equals(m.getAttribute("status"));
            for (Tally x : List.of(t, all)) {
                x.mutants++;
                x.detected += detected ? 1 : 0;
                x.noCoverage += noCoverage ? 1 : 0;
            }
            if (!detected && !noCoverage) {
                t.survivors.add(simple(mutated) + "." + text(m, "mutatedMethod") + ":" + text(m, "lineNumber") + " "
                        + text(m, "description"));
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-58s %7s %8s %8s %8s %9s%n", "class", "mutants", "detected",
                "survived", "no cover", "strength"));
        byClass.forEach((name, t) -> out.append(row(name, t)));
        out.append(row("all classes", all));

        List<String> failures = new ArrayList<>();
        StringBuilder shown = new StringBuilder(out.substring(0, out.indexOf("\n") + 1));
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            Tally sum = new Tally();
            for (String wanted : g.getValue()) {
                Tally t = byClass.entrySet().stream().filter(e -> simple(e.getKey()).equals(wanted))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (t == null) {
                    continue; // no mutant in that class (an interface, a record without logic)
                }
                shown.append(row(g.getKey() + ": " + wanted, t));
                sum.mutants += t.mutants;
                sum.detected += t.detected;
                sum.noCoverage += t.noCoverage;
                if (t.strength() < threshold) {
                    failures.add(String.format(Locale.ROOT, "%s (%s): test strength %.1f%% < %.0f%%; surviving: %s",
                            wanted, g.getKey(), t.strength(), threshold, t.survivors));
                }
            }
            out.append(row("group " + g.getKey(), sum));
            shown.append(row("group " + g.getKey(), sum));
        }
        shown.append(row("all classes", all));
        Files.writeString(report.resolveSibling("test-strength.txt"), out);
        // The groups' classes and the totals; every class is in test-strength.txt and index.html.
        System.out.print(groups.isEmpty() ? out : shown);
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("FAILED " + f));
            System.exit(1);
        }
        if (!groups.isEmpty()) {
            System.out.printf(Locale.ROOT, "every class of %s is at or above %.0f%% test strength%n", groups.keySet(),
                    threshold);
        }
    }

    private static String row(String name, Tally t) {
        return String.format(Locale.ROOT, "%-58s %7d %8d %8d %8d %8.1f%%%n", name, t.mutants, t.detected,
                t.covered() - t.detected, t.noCoverage, t.strength());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }
}
