package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions of issue 13 ("Hostile input"), one test (or more) per numbered defect, each
 * through the command line as a user meets it. Every test failed before its fix: a hang (caught
 * here by a generous timeout), a stack trace, a file left behind, output on stdout before a
 * refusal, or a silent acceptance.
 */
class HostileInputTest {

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** Exit 2, nothing on stdout, one line on stderr naming every fragment, at most a few hundred characters. */
    static void assertRefused(CliTest.Run r, String... fragments) {
        assertEquals(Main.BAD_INPUT, r.code(), "exit code; stdout: " + cut(r.out()) + "; stderr: " + cut(r.err()));
        assertEquals("", r.out(), "nothing on stdout");
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, "exactly one line on stderr: " + cut(r.err()));
        assertTrue(lines[0].startsWith("dlm-exact: error: "), cut(lines[0]));
        assertTrue(lines[0].length() <= 400, "a short line, not " + lines[0].length() + " characters: " + cut(lines[0]));
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), "'" + lines[0] + "' should name '" + f + "'");
        }
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
    }

    private static String lawText(int length, String... probabilities) {
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":" + length
                + ",\"support\":[");
        for (int i = 0; i < probabilities.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"x\":[");
            for (int k = length - 1; k >= 0; k--) {
                sb.append((i >> k) & 1).append(k == 0 ? "" : ",");
            }
            sb.append("],\"p\":\"").append(probabilities[i]).append("\"}");
        }
        return sb.append("]}").toString();
    }

    // ---- defect 1: unbounded work on big numbers ----

    /** A law of length 4 with the 16 probabilities {@code 1/(base + 2i + 1)} (they need not sum to 1). */
    private static Path reciprocalsLaw(Path dir, BigInteger base) throws IOException {
        String[] p = new String[16];
        for (int i = 0; i < p.length; i++) {
            p[i] = "1/" + base.add(BigInteger.valueOf(2L * i + 1));
        }
        return Files.writeString(dir.resolve("law.json"), lawText(4, p));
    }

    @Test
    void defect1LawWithHugeCoprimeDenominatorsIsRefusedUpFront(@TempDir Path dir) throws IOException {
        // 16 probabilities 1/(10^9990 + 2i + 1), each under the 10,000-character limit: the sum hung in gcd
        Path law = reciprocalsLaw(dir, BigInteger.TEN.pow(9990));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("info", "--law", law.toString()),
                "too large to compute", "support[0].p", "33187 bits", "the limit is 4096 bits"));
    }

    @Test
    void defect1LawWhoseCommonDenominatorGrowsIsRefusedAtTheEntry(@TempDir Path dir) throws IOException {
        // each denominator (a 1001-digit number) fits; their common denominator does not
        Path law = reciprocalsLaw(dir, BigInteger.TEN.pow(1000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("info", "--law", law.toString()),
                "too large to compute", "common denominator", "support[1].p", "the limit is 4096 bits"));
    }

    @Test
    void defect1MarkovChainWithHugeRowsIsRefusedUpFront() {
        BigInteger d = BigInteger.TEN.pow(4900).add(BigInteger.ONE);
        BigInteger e = d.subtract(BigInteger.ONE);
        String spec = "markov:10:1/" + d + "," + e + "/" + d + ";" + e + "/" + d + ",1/" + d;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("law", "--law", spec),
                "too large to compute", "transition row 0, entry 0", "the limit is 4096 bits"));
    }

    @Test
    void defect1MarkovChainWhoseProductsWouldGrowIsRefusedWithTheEstimate() {
        // rows of a 3322-bit denominator (10^1000 has 3322 bits) fit; the law would not: the start law's
        // common denominator 2 (2 bits) times the rows' to the power L-1 = 9
        BigInteger d = BigInteger.TEN.pow(1000).add(BigInteger.ONE);
        BigInteger e = d.subtract(BigInteger.ONE);
        String spec = "markov:10:1/" + d + "," + e + "/" + d + ";" + e + "/" + d + ",1/" + d + ":1/2,1/2";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("law", "--law", spec),
                "too large to compute", "chain's common denominator", "would have up to " + (2 + 9 * 3322) + " bits"));
    }

    // ---- defect 7: echoed values, library internals, control characters ----

    @Test
    void defect7HugeOutcomeIsNotEchoedWhole(@TempDir Path dir) throws IOException {
        Path law = dir.resolve("long-x.json");
        try (Writer w = Files.newBufferedWriter(law, StandardCharsets.UTF_8)) {
            w.write("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"support\":[{\"x\":[0");
            for (int i = 1; i < 2_000_000; i++) {
                w.write(",0");
            }
            w.write("],\"p\":\"1\"}]}");
        }
        assertRefused(run("law", "--law", law.toString()), "support[0]");
    }

    @Test
    void defect7TrailingTokenMessageHasNoLibraryNames(@TempDir Path dir) throws IOException {
        Path law = dir.resolve("two.json");
        Files.writeString(law, "1 2");
        CliTest.Run r = run("law", "--law", law.toString());
        assertRefused(r, "trailing content");
        assertTrue(!r.err().contains("jackson") && !r.err().contains("bound as"), r.err());
    }

    @Test
    void defect7BinaryAndUtf16FilesAreNamedAsSuch(@TempDir Path dir) throws IOException {
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, "{}".getBytes(StandardCharsets.UTF_16LE));
        Files.write(utf16, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        assertRefused(run("law", "--law", utf16.toString()), "UTF-16");
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertRefused(run("law", "--law", binary.toString()), "not UTF-8 text");
    }

    @Test
    void defect7ControlCharactersAreEscaped() {
        CliTest.Run r = run("law", "--law", "uniform:2,\u0000\u001b[31m\n3");
        assertRefused(r, "\\u0000", "\\u001b", "\\n");
    }

    @Test
    void defect7ExponentOverflowIsNotALibraryMessage(@TempDir Path dir) throws IOException {
        Path law = dir.resolve("exp.json");
        Files.writeString(law, "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,"
                + "\"support\":[{\"x\":[0],\"p\":1e999999999999}]}");
        CliTest.Run r = run("law", "--law", law.toString());
        assertRefused(r, "1e999999999999", "out of range");
        assertTrue(!r.err().contains("java.math"), r.err());
    }

    // ---- defect 9: the size guard of a law file is checked while parsing ----

    @Test
    void defect9LawWithMillionsOfEntriesIsRefusedWithoutReadingItWhole(@TempDir Path dir) throws IOException {
        Path law = dir.resolve("many.json");
        try (Writer w = Files.newBufferedWriter(law, StandardCharsets.UTF_8)) {
            w.write("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"support\":[");
            for (int i = 0; i < 1_100_000; i++) {
                w.write(i == 0 ? "" : ",");
                w.write("{\"x\":[1,1],\"p\":\"1/1100000\"}");
            }
            w.write("]}");
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        assertRefused(run("law", "--law", law.toString()), "support");
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 64L << 20, "refused after allocating " + (allocated >> 20) + " MB for a "
                + (Files.size(law) >> 20) + " MB file");
    }

    // ---- defect 2: devices, FIFOs, huge lines and files; memory of sample ----

    @Test
    void defect2DevZeroAsSamplesOrResultsIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertRefused(run("validate", "samples", "--law", "pairs:4", "--schedule", "2,2", "--samples", "/dev/zero"),
                    "'/dev/zero'", "not a regular file");
            assertRefused(run("validate", "values", "--results", "/dev/zero"), "'/dev/zero'", "not a regular file");
        });
    }

    @Test
    void defect2FifoAsSamplesOrResultsDoesNotBlock(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertRefused(run("validate", "samples", "--law", "pairs:4", "--schedule", "2,2", "--samples",
                    fifo.toString()), "not a regular file");
            assertRefused(run("validate", "values", "--results", fifo.toString()), "not a regular file");
        });
    }

    @Test
    void defect2HugeOneLineSamplesFileIsRefusedWithoutHoldingTheLine(@TempDir Path dir) throws IOException {
        Path samples = dir.resolve("one-line.txt");
        try (Writer w = Files.newBufferedWriter(samples, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 20_000_000; i++) {
                w.write("0 ");
            }
        }
        long allocated = allocatedBy(() -> assertRefused(run("validate", "samples", "--law", "pairs:4", "--schedule",
                "2,2", "--samples", samples.toString()), "line 1 is longer than 4096 characters"));
        assertTrue(allocated < 64L << 20, "refused after allocating " + (allocated >> 20) + " MB for a "
                + (Files.size(samples) >> 20) + " MB line");
    }

    @Test
    void defect2ResultsFileAboveTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(results.toFile(), "rw")) {
            f.setLength((256L << 20) + 1); // sparse: takes no disk space
        }
        long allocated = allocatedBy(() -> assertRefused(run("validate", "values", "--results", results.toString()),
                "too large", "268435457 bytes", "the limit is 268435456 bytes"));
        assertTrue(allocated < 64L << 20, "refused after allocating " + (allocated >> 20) + " MB");
    }

    /** Bytes allocated by the current thread while {@code r} runs. */
    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        r.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * {@code sample --count N} runs in a JVM configured as the launcher configures it and its peak
     * memory (resident set) stays near the live data (the lattice and the cached rows), not growing
     * with the allocation of N samples: a scaled-down run of the issue's {@code --count 10000000}.
     */
    @Test
    void defect2SampleRunMemoryStaysBounded() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux /proc");
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherJvmOptions());
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sample",
                "--law", "pairs:8", "--schedule", "4,4", "--count", "3000000", "--seed", "1"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peakKb = 0;
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                break; // the process has just ended
            }
            Thread.sleep(50);
        }
        assertEquals(0, p.waitFor());
        assertTrue(peakKb > 0 && peakKb < 240 * 1024, "peak resident memory " + (peakKb >> 10) + " MB");
    }

    /** The JVM options the launcher script passes on every path: its {@code quiet=(...)} array. */
    private static java.util.List<String> launcherJvmOptions() throws IOException {
        for (String line : Files.readAllLines(Path.of("dlm-exact"))) {
            String t = line.strip();
            if (t.startsWith("quiet=(") && t.endsWith(")")) {
                String options = t.substring("quiet=(".length(), t.length() - 1).strip();
                assertTrue(options.contains("-XX:+UseSerialGC"), options);
                return java.util.List.of(options.split("\\s+"));
            }
        }
        throw new AssertionError("no 'quiet=(...)' line in the launcher");
    }

    // ---- defect 5: silent acceptance ----

    @Test
    void defect5TcIdBeyond64BitsDoesNotWrapToAnotherCase(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results.json");
        Files.writeString(results, "{\"schema\":\"dlm-exact/results@1\",\"results\":[{\"file\":\"info.json\","
                + "\"tcId\":18446744073709551617,\"field\":\"entropy\",\"value\":0}]}");
        assertRefused(run("validate", "values", "--results", results.toString()), "results[0]",
                "no case with tcId 18446744073709551617");
    }

    @Test
    void defect5BlankLastLineOfASamplesFileIsRefused(@TempDir Path dir) throws IOException {
        Path samples = dir.resolve("samples.txt");
        Files.writeString(samples, "0 0 1 1\n1 1 0 0\n\n");
        assertRefused(run("validate", "samples", "--law", "pairs:4", "--schedule", "2,2", "--samples",
                samples.toString()), "line 3 is empty");
    }

    @Test
    void defect5EveryCellPooledSaysNothingToTestInsteadOfNaN(@TempDir Path dir) throws IOException {
        Path samples = dir.resolve("samples.txt");
        Files.writeString(samples, "0 0 1 1\n");
        CliTest.Run r = run("validate", "samples", "--law", "pairs:4", "--schedule", "2,2", "--samples",
                samples.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().contains("NaN") && r.out().contains("nothing to test"), r.out());
    }

    @Test
    void impossibleOutcomeHasNoPValueInJson(@TempDir Path dir) throws IOException {
        Path samples = dir.resolve("samples.txt");
        Files.writeString(samples, "0 1 1 1\n");
        // with one token per step the sampler is exact (nu = mu), so 0 1 1 1 is impossible
        CliTest.Run r = run("validate", "samples", "--law", "pairs:4", "--schedule", "ones", "--samples",
                samples.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode root = org.dlmexact.law.LawJson.mapper().readTree(r.out());
        assertTrue(root.get("pValue").isNull() && root.get("statistic").isNull(), r.out());
        assertEquals(1, root.get("impossible").size());
    }

    // ---- defect 3: output paths ----

    @Test
    void defect3PlotToAFolderIsRefusedNotAStackTrace(@TempDir Path dir) {
        assertRefused(run("audit", "--law", "pairs:4", "--plot", dir.toString()), "--plot", "is a folder");
    }

    @Test
    void defect3UnwritableFolderIsRefusedNotAStackTrace() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys")), "/sys (read-only) exists");
        assertRefused(run("audit", "--law", "pairs:4", "--plot", "/sys/dlm-exact-audit.svg"), "--plot",
                "'/sys/dlm-exact-audit.svg'");
        assertRefused(run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3", "--seed", "1", "--out",
                "/sys/dlm-exact-samples.txt"), "--out");
    }

    @Test
    void defect3FailedRunLeavesNoFile(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("a.svg");
        assertRefused(run("audit", "--law", "pairs:4", "--plot", svg.toString(), "--csv",
                dir.resolve("missing").resolve("a.csv").toString()), "--csv", "does not exist");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(), files.toList(), "a failed run leaves no file and no temporary");
        }
    }

    @Test
    void defect3DeviceNodeIsNotReplaced(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("full");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mknod", device.toString(), "c", "1", "7")
                .start().waitFor() == 0, "mknod works (root)");
        assertRefused(run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3", "--seed", "1", "--out",
                device.toString()), "--out", "not a regular file");
        assertTrue(Files.readAttributes(device, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "still a device node");
    }

    @Test
    void defect3FifoAndSymlinkTargetsAreNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("sample", "--law", "pairs:4",
                "--schedule", "2,2", "--count", "3", "--seed", "1", "--out", fifo.toString()), "not a regular file"));
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "keep\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        assertRefused(run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3", "--seed", "1", "--out",
                link.toString()), "a symbolic link");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("keep\n", Files.readString(real));
    }

    @Test
    void defect3NewFilesGetMode0644AndReplacedFilesKeepTheirMode(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        // the umask, as the system applies it to a file created with mode 0666
        Path probe = Files.createFile(dir.resolve("probe"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-")));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> allowed = Files.getPosixFilePermissions(probe);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> expected =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        expected.retainAll(allowed);
        Path out = dir.resolve("new.txt");
        CliTest.Run r = run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3", "--seed", "1", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, Files.getPosixFilePermissions(out), "a new file: 0644 less the umask");
        Path old = dir.resolve("old.txt");
        Files.writeString(old, "old\n");
        Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        r = run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3", "--seed", "1", "--out", old.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"),
                Files.getPosixFilePermissions(old), "a replaced file keeps its mode");
        assertEquals(3, Files.readAllLines(old).size());
    }

    @Test
    void defect3SigtermRemovesTheTemporaryFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("samples.txt");
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sample",
                "--law", "pairs:4", "--schedule", "2,2", "--count", "10000000", "--seed", "1", "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean started = false;
            while (!started && System.nanoTime() < deadline && p.isAlive()) {
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    started = files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
                }
                Thread.sleep(20);
            }
            assertTrue(started, "the run created its temporary file");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the run stopped");
        } finally {
            p.destroyForcibly();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(), files.toList(), "no temporary and no half-written file remains");
        }
    }

    // ---- defect 4: nothing on stdout when the input is refused ----

    @Test
    void defect4PredictorTableWithAHolePrintsNothingBeforeTheRefusal(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("hole.json");
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":4,"
                + "\"entries\":[");
        for (int i = 0; i < 3; i++) { // position 3 is missing from the empty context
            sb.append(i == 0 ? "" : ",").append("{\"visible\":[],\"values\":[],\"position\":").append(i)
                    .append(",\"p\":[\"1/2\",\"1/2\"]}");
        }
        Files.writeString(table, sb.append("]}").toString());
        assertRefused(run("error", "--law", "pairs:4", "--schedule", "one-shot", "--predictor", table.toString()),
                "no row for the context");
        assertRefused(run("sample", "--law", "pairs:4", "--schedule", "one-shot", "--predictor", table.toString(),
                "--count", "1000", "--seed", "1"), "no row for the context");
    }

    @Test
    void defect4BenchRefusesAnUnknownTaskBeforeRunningAnything() {
        assertRefused(run("bench", "--task", "bogus"), "'bogus'");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(run("bench", "--task", "info,bogus",
                "--repeat", "100"), "'bogus'"));
    }

    // ---- defect 8: the work of several schedules is estimated up front ----

    @Test
    void defect8ErrorOverAllSchedulesIsRefusedWithTheEstimate() {
        // 512 schedules, each under the one-schedule limit, together 268435456 exact terms
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("error", "--law", "random:2,10,1",
                "--schedule", "all"), "512 schedules together need about 268435456 exact terms", "5000000"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(run("audit", "--law", "random:2,9,1",
                "--schedules", "all"), "256 schedules together need about 33554432 exact terms"));
    }

    @Test
    void defect8AllSchedulesOfASmallLawStillRun() {
        CliTest.Run r = run("error", "--law", "random:2,5,1", "--schedule", "all", "--digits", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(16, r.out().lines().filter(l -> l.startsWith("schedule ")).count());
    }
}
