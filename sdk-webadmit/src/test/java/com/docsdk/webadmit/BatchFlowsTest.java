package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.Sleeper;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.TestClock;
import com.docsdk.testkit.WebAdmitSimulator;
import com.docsdk.webadmit.PdfManagerBatchResult.ZipFileDownload;
import com.docsdk.webadmit.model.BatchCustomFieldAnswer;
import com.docsdk.webadmit.model.BatchDesignation;
import com.docsdk.webadmit.model.CustomField;
import com.docsdk.webadmit.model.CustomFieldType;
import com.docsdk.webadmit.model.PdfManagerBatch;
import com.docsdk.webadmit.model.PdfManagerBatchInput;
import com.docsdk.webadmit.model.PdfManagerBatchRequest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF Manager batch, custom-field write-back and designation batch flows against the WebAdMIT simulator: real
 * HTTP on loopback, the 302 to another origin, real zips; the sleeper moves the simulator's clock, no time passes.
 */
class BatchFlowsTest {
    private static final String API_KEY = "batch-flow-key";
    private static final long UID = WebAdmitSimulator.DEFAULT_USER_IDENTITY_ID;
    private static final long PROGRAM = WebAdmitSimulator.DEFAULT_PROGRAM_ID;
    private static final long TEMPLATE = WebAdmitSimulator.DEFAULT_PDF_MANAGER_TEMPLATE_ID;
    private static final String CAS = WebAdmitSimulator.DEFAULT_APPLICANT_CAS_ID;
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    static final TestClock clock = TestClock.at(Instant.parse("2025-06-15T12:00:00Z"));

    @RegisterExtension
    static WebAdmitSimulator sim = WebAdmitSimulator.create().expectApiKey(API_KEY).clock(clock);

    @TempDir
    Path dir;

    private final Sleeper sleeper = clock::advance;
    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        sim.pollsUntilAvailable(3).pdfManagerZipFiles(2).corruptZips(false);
        PollOptions fast = PollOptions.builder().interval(Duration.ofMillis(10)).maxInterval(Duration.ofMillis(50))
                .timeout(Duration.ofMinutes(5)).build();
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(sim.baseUrl()).clock(clock).sleeper(sleeper)
                .batchPollOptions(fast).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
        sim.requests().stream().filter(BatchFlowsTest::isStorage).forEach(r ->
                assertFalse(r.containsHeader("x-api-key"), "x-api-key followed the 302 to storage: " + r.getUrl()));
    }

    private static boolean isStorage(LoggedRequest r) {
        return r.getUrl().startsWith("/_storage/");
    }

    @Test
    void runsATemplateAndDownloadsEveryZipVerifiedWithBytesAndSha256() throws Exception {
        Path out = dir.resolve("pdfs");

        PdfManagerBatchResult r = client.pdfManagerBatchToDirectory(UID, TEMPLATE, out);

        assertEquals(PdfManagerBatchState.AVAILABLE, r.state());
        assertEquals(2, r.files().size());
        for (ZipFileDownload f : r.files()) {
            assertTrue(Files.isRegularFile(f.file()), f.toString());
            assertEquals(out, f.file().getParent());
            assertEquals(Files.size(f.file()), f.bytes());
            assertEquals(sha256(f.file()), f.sha256());
            try (ZipFile zip = new ZipFile(f.file().toFile())) {
                assertEquals(2, zip.size());
            }
        }
        assertEquals(r.files().stream().mapToLong(ZipFileDownload::bytes).sum(), r.bytes());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
        assertTrue(sim.requests().stream().anyMatch(BatchFlowsTest::isStorage), "the zips came from storage");

        List<Path> pdfs = client.unpackPdfManagerBatch(r, dir.resolve("unpacked"));
        assertEquals(4, pdfs.size());
        assertTrue(pdfs.stream().allMatch(p -> p.startsWith(dir.resolve("unpacked").toAbsolutePath())
                && p.toString().endsWith(".pdf")), pdfs.toString());
    }

    @Test
    void startingARunningTemplateAgainReturnsTheRunningBatch() {
        PdfManagerBatchRequest run = new PdfManagerBatchRequest()
                .pdfManagerBatch(new PdfManagerBatchInput().pdfManagerTemplateId(TEMPLATE));
        PdfManagerBatch first = client.pdfManagerBatches().start(UID, run);
        PdfManagerBatch second = client.pdfManagerBatches().start(UID, run);

        assertEquals(first.getId(), second.getId());
        assertEquals(PdfManagerBatchState.QUEUED, PdfManagerBatchState.of(second));
        PdfManagerBatch done = client.awaitPdfManagerBatch(UID, first.getId(), PollOptions.builder()
                .interval(Duration.ofMillis(1)).timeout(Duration.ofMinutes(1)).build());
        assertEquals("available", done.getState());
        assertEquals(2, done.getDownloadHrefs().size());
    }

    @Test
    void aDownloadThatIsNotAZipFailsAndLeavesNoFileUnderAFinalName() throws IOException {
        sim.corruptZips(true);
        Path out = dir.resolve("pdfs");

        SdkException e = assertThrows(SdkException.class, () -> client.pdfManagerBatchToDirectory(UID, TEMPLATE, out));

        assertTrue(e.getMessage().contains("not a valid zip"), e.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void anEmptyListBatchDownloadsNothing() {
        sim.pdfManagerZipFiles(0);

        PdfManagerBatchResult r = client.pdfManagerBatchToDirectory(UID, TEMPLATE, dir);

        assertTrue(r.isEmptyList());
        assertEquals(List.of(), r.files());
    }

    @Test
    void storesOneAnswerTypedByItsFieldAndRefusesWhatDoesNotFitBeforeSending() {
        List<CustomField> fields = client.customFields().list(UID, PROGRAM);
        CustomField house = field(fields, 4);
        CustomField start = field(fields, 7);
        CustomField scholarship = field(fields, 8);
        CustomField enrolled = field(fields, 6);

        assertEquals("Hufflepuff", client.storeCustomFieldAnswer(UID, PROGRAM, CAS, house, "Hufflepuff").getValue());
        client.storeCustomFieldAnswer(UID, PROGRAM, CAS, start, LocalDate.of(2025, 9, 1));
        client.storeCustomFieldAnswer(UID, PROGRAM, CAS, scholarship, new BigDecimal("1500.50"));
        client.storeCustomFieldAnswer(UID, PROGRAM, CAS, enrolled, true);
        assertEquals("\"Hufflepuff\"", sim.customFieldAnswer(CAS, 4).orElseThrow());
        assertEquals("\"2025-09-01\"", sim.customFieldAnswer(CAS, 7).orElseThrow());
        assertEquals("1500.50", sim.customFieldAnswer(CAS, 8).orElseThrow());
        assertEquals("true", sim.customFieldAnswer(CAS, 6).orElseThrow());

        int before = sim.requests().size();
        for (Object[] bad : new Object[][] {{house, "XYZ"}, {start, "01/09/2025"}, {start, "2025-02-30"},
            {scholarship, "1500"}, {scholarship, Double.NaN}, {enrolled, "yes"}}) {
            ClientValidationException e = assertThrows(ClientValidationException.class,
                    () -> client.storeCustomFieldAnswer(UID, PROGRAM, CAS, (CustomField) bad[0], bad[1]));
            assertTrue(e.getMessage().contains("value"), e.getMessage());
        }
        assertThrows(ClientValidationException.class,
                () -> client.storeCustomFieldAnswer(UID, PROGRAM, "x-1", house, "Hufflepuff"));
        assertEquals(before, sim.requests().size(), "nothing sent for bad input");

        client.storeCustomFieldAnswer(UID, PROGRAM, CAS, house, null);
        assertEquals("null", sim.customFieldAnswer(CAS, 4).orElseThrow());
    }

    @Test
    void storesManyAnswersInABatchAndReportsPerApplicantErrors() {
        List<CustomField> fields = client.customFields().list(UID, PROGRAM);

        BatchOutcome outcome = client.storeCustomFieldAnswers(UID, PROGRAM, fields, List.of(
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(5L).value("ada@example.edu"),
                new BatchCustomFieldAnswer().applicantCasId("555").customFieldId(4L)
                        .fieldType(CustomFieldType.SELECT).value("Ravenclaw")));

        assertEquals(PdfManagerBatchState.SUCCESS_WITH_ERRORS, outcome.status());
        assertEquals(2, outcome.results().size());
        assertEquals(1, outcome.failures().size());
        assertEquals("555", outcome.failures().get(0).getApplicantCasId());
        assertEquals("No applicant found for that applicant_cas_id", outcome.failures().get(0).getErrors()
                .getApplicant());
        assertEquals("\"ada@example.edu\"", sim.customFieldAnswer(CAS, 5).orElseThrow());
        assertFalse(outcome.succeeded());
    }

    @Test
    void aBatchAnswerNotFittingItsFieldIsRefusedBeforeSending() {
        List<CustomField> fields = client.customFields().list(UID, PROGRAM);
        int before = sim.requests().size();

        for (BatchCustomFieldAnswer bad : List.of(
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(4L).value("XYZ"),
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(99L).value("x"),
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(5L).value(null),
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(7L).value("2025-13-01"),
                new BatchCustomFieldAnswer().applicantCasId(CAS).customFieldId(6L)
                        .fieldType(CustomFieldType.STRING).value("yes"))) {
            assertThrows(ClientValidationException.class,
                    () -> client.storeCustomFieldAnswers(UID, PROGRAM, fields, List.of(bad)));
        }
        assertThrows(ClientValidationException.class,
                () -> client.storeCustomFieldAnswers(UID, PROGRAM, fields, List.of()));
        assertEquals(before, sim.requests().size());
    }

    @Test
    void updatesDesignationsInABatch() {
        BatchOutcome outcome = client.updateDesignations(UID, PROGRAM, List.of(
                new BatchDesignation().applicantCasId(CAS).decisionId(43L),
                new BatchDesignation().applicantCasId("987654321").decisionId(7L)));

        assertEquals(1, outcome.failures().size());
        assertEquals("No decision found for that decision_id", outcome.failures().get(0).getErrors().getDecision());
        assertEquals(43L, sim.designationDecision(CAS).orElseThrow());
        assertEquals("Matriculated", client.designations().get(UID, PROGRAM, CAS).getDecision().getName());
    }

    @Test
    void batchStatesParseInEitherCasingAlongsideExportStatuses() {
        for (String s : List.of("success_with_errors", "Success With Errors", "SUCCESS-WITH-ERRORS")) {
            assertEquals(PdfManagerBatchState.SUCCESS_WITH_ERRORS, PdfManagerBatchState.parse(s));
            assertEquals(ExportFileStatus.SUCCESS_WITH_ERRORS, ExportFileStatus.parse(s));
        }
        assertEquals(PdfManagerBatchState.IN_PROGRESS, PdfManagerBatchState.parse("In Progress"));
        assertEquals(PdfManagerBatchState.UNKNOWN, PdfManagerBatchState.parse("archived"));
        assertFalse(PdfManagerBatchState.UNKNOWN.isTerminal());
        assertTrue(PdfManagerBatchState.EMPTY_LIST.isTerminal());
    }

    private static CustomField field(List<CustomField> fields, long id) {
        return fields.stream().filter(f -> f.getId() == id).findFirst().orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
