package com.docsdk.benchmarks;

import com.docsdk.fileai.internal.JSON;
import com.docsdk.fileai.model.FileList;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses fileAI list pages of 100 and 1,000 files with the SDK's generated models ({@code FileList} through the
 * generated Gson, as a service reads a response), with plain Gson streaming into a POJO and with Jackson into the
 * same POJO, interleaved round by round; prints time and bytes allocated per page (median and range over the rounds)
 * and the SDK's ratio to plain Gson. Target: at most 1.2x plain Gson in time and in allocation.
 *
 * <p>Arguments: {@code [--quick]}. Prints a Markdown section for {@code RESULTS.md}.
 */
public final class ParseHarness {
    static volatile long sink;

    private ParseHarness() {
    }

    interface Parser {
        long parse(byte[] body) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Stats.quick(args);
        int rounds = quick ? 3 : 9;
        Gson gsonSdk = JSON.getGson();
        Gson plain = new Gson();
        ObjectMapper jackson = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<String> names = List.of("SDK generated models", "plain Gson into a POJO", "Jackson into the POJO");
        List<Parser> parsers = List.of(
                b -> gsonSdk.fromJson(reader(b), FileList.class).getFiles().size(),
                b -> plain.fromJson(reader(b), FileAiPages.PlainPage.class).files.size(),
                b -> jackson.readValue(b, FileAiPages.PlainPage.class).files.size());
        StringBuilder out = new StringBuilder();
        out.append("## Parsing a fileAI list page (`ParseHarness`)\n\n")
                .append("One `GET /prod/v1/files` page from a byte array: the SDK's generated `FileList` through the "
                        + "generated Gson (streaming type adapters; dates parsed to `OffsetDateTime`, the export "
                        + "status to its enum) vs plain Gson streaming into a POJO and Jackson into the same POJO "
                        + "(dates and status kept as strings: the least work a binding can do). ")
                .append(rounds).append(" interleaved rounds after a warm-up; median (range).\n\n")
                .append("Time is the parsing thread's CPU time (what the wall clock shows on an idle machine, but not "
                        + "inflated by other load); the wall-clock column is there for reference.\n\n")
                .append("| page | parser | CPU µs per page | wall µs per page | KB allocated per page | "
                        + "time vs plain Gson | allocation vs plain Gson | load |\n"
                        + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int size : new int[] {100, 1000}) {
            byte[] body = FileAiPages.page(size, size, 0);
            int iterations = Math.max(20, (quick ? 100_000 : 300_000) / size);
            for (int w = 0; w < (quick ? 2 : 4); w++) {
                for (Parser p : parsers) {
                    run(p, body, iterations);
                }
            }
            List<Stats> time = new ArrayList<>();
            List<Stats> alloc = new ArrayList<>();
            List<Stats> wallTime = new ArrayList<>();
            List<Stats> timeRatio = new ArrayList<>();
            List<Stats> allocRatio = new ArrayList<>();
            for (int i = 0; i < parsers.size(); i++) {
                time.add(new Stats());
                alloc.add(new Stats());
                wallTime.add(new Stats());
                timeRatio.add(new Stats());
                allocRatio.add(new Stats());
            }
            String loadBefore = Stats.load();
            for (int r = 0; r < rounds; r++) {
                double[] us = new double[parsers.size()];
                double[] kb = new double[parsers.size()];
                double[] wall = new double[parsers.size()];
                for (int k = 0; k < parsers.size(); k++) {
                    int i = (k + r) % parsers.size(); // rotate the order: no parser always runs first
                    double[] m = run(parsers.get(i), body, iterations);
                    us[i] = m[0];
                    kb[i] = m[1];
                    wall[i] = m[2];
                }
                for (int i = 0; i < parsers.size(); i++) {
                    time.get(i).add(us[i]);
                    alloc.get(i).add(kb[i]);
                    timeRatio.get(i).add(us[i] / us[1]);
                    allocRatio.get(i).add(kb[i] / kb[1]);
                    wallTime.get(i).add(wall[i]);
                }
            }
            String load = loadBefore + "–" + Stats.load();
            for (int i = 0; i < parsers.size(); i++) {
                out.append(String.format(Locale.ROOT, "| %,d files (%,d KB) | %s | %s | %s | %s | %s | %s | %s |%n",
                        size, body.length / 1024, names.get(i), time.get(i).format("%,.0f"),
                        wallTime.get(i).format("%,.0f"), alloc.get(i).format("%,.0f"),
                        i == 1 ? "1" : timeRatio.get(i).format("%.2f") + "×",
                        i == 1 ? "1" : allocRatio.get(i).format("%.2f") + "×", load));
            }
            System.err.printf(Locale.ROOT, "parse %d files: SDK %.0f µs, Gson %.0f µs, Jackson %.0f µs%n", size,
                    time.get(0).median(), time.get(1).median(), time.get(2).median());
        }
        System.out.print(out);
    }

    private static Reader reader(byte[] body) {
        return new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
    }

    /** µs (of the thread's CPU time), KB and wall-clock µs per parse over {@code iterations} parses. */
    private static double[] run(Parser p, byte[] body, int iterations) throws Exception {
        long a0 = Stats.allocated();
        long w0 = System.nanoTime();
        long t0 = Stats.threadCpuNanos();
        long s = 0;
        for (int i = 0; i < iterations; i++) {
            s += p.parse(body);
        }
        long t = Stats.threadCpuNanos() - t0;
        long w = System.nanoTime() - w0;
        long a = Stats.allocated() - a0;
        sink += s;
        return new double[] {t / 1e3 / iterations, a / 1024.0 / iterations, w / 1e3 / iterations};
    }
}
