package com.docsdk.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Figures of repeated rounds: the median, then the range (min-max), as the results print them. */
final class Stats {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    /** {@code median (min-max)} with the given format for each figure. */
    String format(String f) {
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(), min(), max());
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    /** The 1-minute load average, as figures are only comparable with the load they were measured under. */
    static String load() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", l);
    }

    /** Bytes allocated so far by the current thread. */
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /** CPU time of the current thread so far, in nanoseconds (unlike the wall clock, not inflated by other load). */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of the whole process so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static boolean quick(String[] args) {
        return args.length > 0 && args[0].equals("--quick");
    }
}
