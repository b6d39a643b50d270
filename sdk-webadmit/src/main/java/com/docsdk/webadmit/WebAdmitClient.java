package com.docsdk.webadmit;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.transfer.TransferProgress;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.model.Batch;
import com.docsdk.webadmit.model.BatchCustomFieldAnswer;
import com.docsdk.webadmit.model.BatchCustomFieldAnswersRequest;
import com.docsdk.webadmit.model.BatchDesignation;
import com.docsdk.webadmit.model.BatchDesignationsRequest;
import com.docsdk.webadmit.model.CustomField;
import com.docsdk.webadmit.model.CustomFieldAnswer;
import com.docsdk.webadmit.model.CustomFieldAnswerInput;
import com.docsdk.webadmit.model.CustomFieldAnswerRequest;
import com.docsdk.webadmit.model.PdfManagerBatch;
import com.docsdk.webadmit.model.PdfManagerBatchInput;
import com.docsdk.webadmit.model.PdfManagerBatchRequest;
import com.docsdk.webadmit.service.WebAdmitServices;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;

/**
 * The Liaison WebAdMIT API. Its operations are the generated services, one per resource ({@link #userIdentities()},
 * {@link #exports()}, {@link #exportFiles()}, {@link #programs()}, {@link #customFields()},
 * {@link #customFieldAnswers()}, {@link #designations()}, {@link #pdfManagerTemplates()},
 * {@link #pdfManagerBatches()}, {@link #batchCustomFieldAnswers()}...); this class adds the builder and the flows no
 * spec can state: waiting for an export file, downloading it before its short-lived URL expires, the whole run in
 * one call; a PDF Manager batch to a directory of verified zips; custom field answers checked against their field's
 * definition, one by one or in a v2 batch; designations in a batch.
 *
 * <pre>{@code
 * try (WebAdmitClient webadmit = WebAdmitClient.fromEnv()) {        // WEBADMIT_API_KEY, optional WEBADMIT_BASE_URL
 *     UserIdentity identity = webadmit.userIdentities().list().get(0);
 *     Export export = webadmit.exports().listByUserIdentity(identity.getId()).get(0);
 *
 *     ExportRunResult r = webadmit.exportToFile(identity.getId(), export.getId(), Path.of("export.csv"));
 *     if (r.isEmptyList()) {
 *         System.out.println("nothing to export today");
 *     } else {
 *         System.out.println(r.bytes() + " bytes, sha256 " + r.sha256().orElseThrow());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Every request carries {@code x-api-key}; the download from the storage host (a presigned S3 URL) carries no
 *       credentials.</li>
 *   <li>Statuses are read in any casing ({@link ExportFileStatus}); an unknown status counts as still running.</li>
 *   <li>Errors are the core's exceptions: a 404 {@code {"message": ...}} is a {@code NotFoundException} carrying the
 *       vendor's message, the empty-bodied 401 an {@code AuthenticationException}. Bad inputs throw
 *       {@link ClientValidationException} before any request is sent.</li>
 *   <li>WebAdMIT allows 5,000 calls per API key per hour ({@code X-RateLimit-*}): see a service's
 *       {@code withRawResponse()} and {@link #lastRateLimit()}. Its lists are not paginated: whole, immutable lists.</li>
 * </ul>
 *
 * <p>Thread-safe; build one per API key and share it. {@link #close()} releases its resources.
 */
public final class WebAdmitClient extends WebAdmitServices {
    /** Environment variable holding the API key. */
    public static final String ENV_API_KEY = "WEBADMIT_API_KEY";
    /** Optional environment variable overriding the base URL. */
    public static final String ENV_BASE_URL = "WEBADMIT_BASE_URL";
    /** The header carrying the API key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** The production base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.webadmit.org";
    /**
     * Default timing of export waits: first poll at once, then every 2 s growing by 1.5x up to 30 s, for at most
     * 30 minutes (a poll a minute at worst against the 5,000 calls per hour limit).
     */
    public static final PollOptions DEFAULT_EXPORT_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(30))
            .build();

    /**
     * Default timing of PDF Manager and v2 batch waits: first poll at once, then every 10 s (the vendor's "reasonable
     * polling interval (10s)") growing by 1.5x up to 60 s, for at most an hour.
     */
    public static final PollOptions DEFAULT_BATCH_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(10)).maxInterval(Duration.ofSeconds(60)).timeout(Duration.ofHours(1))
            .build();

    static final SdkModule MODULE = SdkModule.load(WebAdmitClient.class, "docsdk-webadmit");

    private final ExportFlow flow;
    private final BatchFlows batches;
    private final PollOptions exportPollOptions;
    private final PollOptions batchPollOptions;

    private WebAdmitClient(Transport transport, PollOptions exportPollOptions, PollOptions batchPollOptions) {
        super(transport);
        this.flow = new ExportFlow(exportFiles(), transport);
        this.batches = new BatchFlows(this, transport);
        this.exportPollOptions = exportPollOptions;
        this.batchPollOptions = batchPollOptions;
    }

    /** A builder: set {@link Builder#apiKey(String)} (or credentials, or {@link Builder#fromEnv()}), then build. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@value #ENV_API_KEY} (required) and {@value #ENV_BASE_URL}
     * (optional).
     *
     * @throws ClientValidationException naming {@value #ENV_API_KEY} when it is not set
     */
    public static WebAdmitClient fromEnv() {
        return builder().fromEnv().build();
    }

    /** Waits with the client's {@linkplain Builder#exportPollOptions(PollOptions) export poll options}. */
    public CompletedExportFile awaitExportFile(Long exportId, Long exportFileId) {
        return awaitExportFile(exportId, exportFileId, exportPollOptions);
    }

    /**
     * Polls an export file ({@code exportFiles().get}) until it finishes. {@code Available} and {@code Success With
     * Errors} (flagged by {@link CompletedExportFile#hasErrors()}) return with a file to download, {@code Empty List}
     * returns with none ({@link CompletedExportFile#isEmptyList()}); download at once, the URL lives under 30 seconds.
     *
     * @throws com.docsdk.core.wait.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.wait.WaitTimeoutException when it does not finish within {@code pollOptions.timeout()}
     */
    public CompletedExportFile awaitExportFile(Long exportId, Long exportFileId, PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return flow.await(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * As {@link #awaitExportFile(Long, Long, PollOptions)}, in the background on the client's poll scheduler; the
     * future fails with the same exceptions. Cancelling it stops polling.
     */
    public CompletableFuture<CompletedExportFile> awaitExportFileAsync(Long exportId, Long exportFileId,
            PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return flow.awaitAsync(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * Downloads a finished export file to {@code target} atomically (a temporary file moved into place when
     * complete). The URL comes from the status endpoint, which is asked again whenever the storage host rejects an
     * expired URL. The storage host never sees the API key.
     *
     * @throws com.docsdk.core.error.SdkException when the export file has no file to download (yet)
     */
    public DownloadResult downloadExportFile(Long exportId, Long exportFileId, Path target) {
        checkIds(exportId, exportFileId);
        Inputs.target(target);
        return flow.download(exportId, exportFileId, null, target, null, TransferProgress.NONE, RequestOptions.none());
    }

    /** As {@link #downloadExportFile(Long, Long, Path)}, into a stream (which is not closed). */
    public DownloadResult downloadExportFile(Long exportId, Long exportFileId, OutputStream out) {
        checkIds(exportId, exportFileId);
        ClientValidationException.requireNonNull("out", out);
        return flow.download(exportId, exportFileId, null, null, out, TransferProgress.NONE, RequestOptions.none());
    }

    /**
     * Runs an export from start to downloaded file: starts it, waits with the client's export poll options, and
     * downloads the file to {@code target} (atomically) the moment it is available.
     *
     * @see #exportToFile(ExportRunRequest)
     */
    public ExportRunResult exportToFile(Long userIdentityId, Long exportId, Path target) {
        return exportToFile(ExportRunRequest.builder(userIdentityId, exportId).toFile(target).build());
    }

    /**
     * Runs an export from start ({@code exportFiles().start}, with the JSON body of the vendor's example) to
     * downloaded file. {@code Empty List} ends the run without writing anything ({@link ExportRunResult#isEmptyList()});
     * {@code Success With Errors} downloads the file and is flagged ({@link ExportRunResult#hasErrors()}).
     *
     * @throws com.docsdk.core.wait.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.wait.WaitTimeoutException when the run does not finish in time
     */
    public ExportRunResult exportToFile(ExportRunRequest run) {
        ClientValidationException.requireNonNull("run", run);
        return flow.run(run, exportPollOptions);
    }

    // ---- PDF Manager ------------------------------------------------------------------------------------------

    /**
     * Polls a PDF Manager batch ({@code pdfManagerBatches().get}) until it finishes: {@code available},
     * {@code success_with_errors} and {@code empty_list} return it, with its {@code download_hrefs}.
     *
     * @throws com.docsdk.core.wait.WaitFailedException when WebAdMIT reports {@code failed}
     * @throws com.docsdk.core.wait.WaitTimeoutException when it does not finish within {@code pollOptions.timeout()}
     */
    public PdfManagerBatch awaitPdfManagerBatch(Long userIdentityId, Long pdfManagerBatchId, PollOptions pollOptions) {
        Inputs.id("userIdentityId", userIdentityId);
        Inputs.id("pdfManagerBatchId", pdfManagerBatchId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        return batches.awaitPdfManagerBatch(userIdentityId, pdfManagerBatchId, pollOptions);
    }

    /**
     * Downloads every zip of a finished PDF Manager batch into {@code directory} (created if missing) as
     * {@code pdf_manager_batch_<batch>_zip_<zip>.zip}. Each zip is written to a temporary name, verified as a zip and
     * moved into place, so no partial or corrupt file ever has a final name. The API key goes to WebAdMIT only: the
     * 302 to S3 is followed without it. The result lists each file with its bytes and SHA-256.
     */
    public PdfManagerBatchResult downloadPdfManagerBatch(PdfManagerBatch batch, Path directory) {
        ClientValidationException.requireNonNull("batch", batch);
        return batches.download(batch, BatchFlows.directory(directory), RequestOptions.none());
    }

    /**
     * Opt-in: unpacks every zip of a downloaded batch into {@code directory}, each into a folder named after its zip
     * ({@code pdf_manager_batch_42_zip_2/}). Entry names are checked first: a name that is absolute or climbs out with
     * {@code ..} refuses that zip before anything of it is written, so no path escapes {@code directory}.
     *
     * @return the unpacked files
     */
    public List<Path> unpackPdfManagerBatch(PdfManagerBatchResult result, Path directory) {
        ClientValidationException.requireNonNull("result", result);
        Path dir = BatchFlows.directory(directory);
        List<Path> files = new ArrayList<>();
        for (PdfManagerBatchResult.ZipFileDownload zip : result.files()) {
            String name = zip.file().getFileName().toString().replaceFirst("\\.zip$", "");
            files.addAll(ZipUnpack.unpack(zip.file(), dir.resolve(name)));
        }
        return List.copyOf(files);
    }

    /** Runs a PDF Manager template into a directory, without a callback: see {@link #pdfManagerBatchToDirectory(Long, Long, String, Path)}. */
    public PdfManagerBatchResult pdfManagerBatchToDirectory(Long userIdentityId, Long pdfManagerTemplateId,
            Path directory) {
        return pdfManagerBatchToDirectory(userIdentityId, pdfManagerTemplateId, null, directory);
    }

    /**
     * Runs a PDF Manager template from start to downloaded zips: starts a batch ({@code pdfManagerBatches().start},
     * with the optional {@code https://} callback), waits with the client's batch poll options, then downloads every
     * zip as {@link #downloadPdfManagerBatch}. Starting a template that is still running returns the running batch
     * (the vendor's safeguard), which is then awaited. {@code empty_list} ends with no files.
     *
     * @throws com.docsdk.core.wait.WaitFailedException when the batch ends {@code failed}
     * @throws com.docsdk.core.wait.WaitTimeoutException when it does not finish in time
     */
    public PdfManagerBatchResult pdfManagerBatchToDirectory(Long userIdentityId, Long pdfManagerTemplateId,
            String callback, Path directory) {
        Inputs.id("userIdentityId", userIdentityId);
        Path dir = BatchFlows.directory(directory);
        PdfManagerBatch started = pdfManagerBatches().start(userIdentityId, new PdfManagerBatchRequest()
                .pdfManagerBatch(new PdfManagerBatchInput().pdfManagerTemplateId(pdfManagerTemplateId)
                        .callback(callback)));
        if (started == null || started.getId() == null) {
            throw new com.docsdk.core.error.SdkException("WebAdMIT started PDF Manager template " + pdfManagerTemplateId
                    + " but returned no batch id");
        }
        PdfManagerBatch done = PdfManagerBatchState.of(started).isTerminal() && started.getDownloadHrefs() != null
                ? started : batches.awaitPdfManagerBatch(userIdentityId, started.getId(), batchPollOptions);
        return batches.download(done, dir, RequestOptions.none());
    }

    // ---- Custom field answers and designations ----------------------------------------------------------------

    /**
     * Stores one applicant's answer to a custom field, typed by the field's definition ({@code customFields().list}):
     * {@code boolean} a Boolean, {@code number} a Number, {@code date} a {@link java.time.LocalDate} or a
     * {@code YYYY-MM-DD} string, {@code string} text, {@code select} one of the field's options; {@code null}
     * clears it (sent as the documented equivalent, {@code DELETE}). A value that does not fit is refused before
     * any request.
     */
    public CustomFieldAnswer storeCustomFieldAnswer(Long userIdentityId, Long programId, String applicantCasId,
            CustomField field, Object value) {
        Object wire = AnswerRules.wireValue("value", field, value);
        Inputs.id("field.id", field.getId());
        if (wire == null) {
            // the documented equivalent of PUT {"value": null}; the generated body omits null fields
            return customFieldAnswers().delete(userIdentityId, programId, applicantCasId, field.getId());
        }
        return customFieldAnswers().update(userIdentityId, programId, applicantCasId, field.getId(),
                new CustomFieldAnswerRequest().customFieldAnswer(new CustomFieldAnswerInput()
                        .fieldType(field.getFieldType()).value(wire)));
    }

    /**
     * Stores many answers in one v2 batch and waits for its result. Each answer is checked against its field's
     * definition among {@code fields} (the field must be there; {@code field_type} is taken from it when absent and
     * must match it when given; the value as in {@link #storeCustomFieldAnswer}) before anything is sent.
     *
     * @return the finished batch; {@link BatchOutcome#failures()} lists the per-applicant errors
     * @throws com.docsdk.core.wait.WaitFailedException when the batch ends {@code Failed}
     */
    public BatchOutcome storeCustomFieldAnswers(Long userIdentityId, Long programId, List<CustomField> fields,
            List<BatchCustomFieldAnswer> answers) {
        ClientValidationException.requireNonNull("fields", fields);
        ClientValidationException.requireNonNull("answers", answers);
        Map<Long, CustomField> byId = fields.stream().filter(Objects::nonNull).filter(f -> f.getId() != null)
                .collect(Collectors.toMap(CustomField::getId, Function.identity(), (a, b) -> a));
        List<BatchCustomFieldAnswer> checked = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String name = "answers[" + i + "]";
            BatchCustomFieldAnswer a = ClientValidationException.requireNonNull(name, answers.get(i));
            CustomField field = byId.get(a.getCustomFieldId());
            ClientValidationException.require(field != null, name + ".custom_field_id",
                    "names no custom field among fields: " + a.getCustomFieldId());
            ClientValidationException.require(a.getFieldType() == null || a.getFieldType() == field.getFieldType(),
                    name + ".field_type", "is " + a.getFieldType() + " but custom field " + field.getId() + " is "
                            + field.getFieldType());
            ClientValidationException.require(a.getValue() != null, name + ".value",
                    "is null: clearing an answer in a batch is not supported, use storeCustomFieldAnswer(..., null)");
            checked.add(new BatchCustomFieldAnswer().applicantCasId(a.getApplicantCasId())
                    .customFieldId(a.getCustomFieldId()).fieldType(field.getFieldType())
                    .value(AnswerRules.wireValue(name + ".value", field, a.getValue())));
        }
        Batch started = batchCustomFieldAnswers().start(userIdentityId, programId,
                new BatchCustomFieldAnswersRequest().customFieldAnswers(checked));
        return new BatchOutcome(awaitBatchCustomFieldAnswers(userIdentityId, programId, batchId(started),
                batchPollOptions));
    }

    /** Polls a v2 batch of custom field answers until it finishes (every 10 s by default, as the vendor asks). */
    public Batch awaitBatchCustomFieldAnswers(Long userIdentityId, Long programId, Long batchId,
            PollOptions pollOptions) {
        checkBatch(userIdentityId, programId, batchId, pollOptions);
        return batches.awaitBatch("WebAdMIT batch of custom field answers " + batchId, () -> batchCustomFieldAnswers()
                .withRawResponse().get(userIdentityId, programId, batchId), pollOptions);
    }

    /**
     * Sets many applicants' decisions in one v2 batch and waits for its result.
     *
     * @return the finished batch; {@link BatchOutcome#failures()} lists the per-applicant errors
     */
    public BatchOutcome updateDesignations(Long userIdentityId, Long programId, List<BatchDesignation> designations) {
        Batch started = batchDesignations().start(userIdentityId, programId,
                new BatchDesignationsRequest().designations(designations));
        return new BatchOutcome(awaitBatchDesignations(userIdentityId, programId, batchId(started),
                batchPollOptions));
    }

    /** Polls a v2 batch of designations until it finishes. */
    public Batch awaitBatchDesignations(Long userIdentityId, Long programId, Long batchId, PollOptions pollOptions) {
        checkBatch(userIdentityId, programId, batchId, pollOptions);
        return batches.awaitBatch("WebAdMIT batch of designations " + batchId, () -> batchDesignations()
                .withRawResponse().get(userIdentityId, programId, batchId), pollOptions);
    }

    private static Long batchId(Batch started) {
        if (started == null || started.getId() == null) {
            throw new com.docsdk.core.error.SdkException("WebAdMIT scheduled a batch but returned no batch id");
        }
        return started.getId();
    }

    private static void checkBatch(Long userIdentityId, Long programId, Long batchId, PollOptions pollOptions) {
        Inputs.id("userIdentityId", userIdentityId);
        Inputs.id("programId", programId);
        Inputs.id("batchId", batchId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
    }

    private static void checkIds(Long exportId, Long exportFileId) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
    }

    private static void checkWait(Long exportId, Long exportFileId, PollOptions pollOptions) {
        checkIds(exportId, exportFileId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
    }

    /**
     * Builds a {@link WebAdmitClient}. Besides the shared transport settings of {@link ClientBuilder} (timeouts,
     * proxy, retry policy, a shared {@code OkHttpClient}...), it takes the API key and export wait timing.
     *
     * <pre>{@code
     * WebAdmitClient webadmit = WebAdmitClient.builder()
     *         .apiKey(System.getenv("WEBADMIT_API_KEY"))
     *         .readTimeout(Duration.ofSeconds(30))
     *         .exportPollOptions(PollOptions.builder().timeout(Duration.ofHours(1)).build())
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private PollOptions exportPollOptions = DEFAULT_EXPORT_POLL_OPTIONS;
        private PollOptions batchPollOptions = DEFAULT_BATCH_POLL_OPTIONS;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The API key, sent as {@code x-api-key} to the API host only. */
        public Builder apiKey(String apiKey) {
            ClientValidationException.requireNonBlank("apiKey", apiKey);
            return credentials(Credentials.apiKey(API_KEY_HEADER, apiKey));
        }

        /** Timing of export waits when a call gives none; default {@link WebAdmitClient#DEFAULT_EXPORT_POLL_OPTIONS}. */
        public Builder exportPollOptions(PollOptions pollOptions) {
            this.exportPollOptions = Objects.requireNonNull(pollOptions, "pollOptions");
            return this;
        }

        /** Timing of PDF Manager and v2 batch waits; default {@link WebAdmitClient#DEFAULT_BATCH_POLL_OPTIONS}. */
        public Builder batchPollOptions(PollOptions pollOptions) {
            this.batchPollOptions = Objects.requireNonNull(pollOptions, "pollOptions");
            return this;
        }

        /**
         * Builds the client. With {@link #fromEnv()}, {@value WebAdmitClient#ENV_API_KEY} supplies the API key unless
         * credentials were set, and {@value WebAdmitClient#ENV_BASE_URL} the base URL unless one was set; the default
         * base URL is {@value WebAdmitClient#DEFAULT_BASE_URL}.
         *
         * @throws ClientValidationException when there are no credentials (naming {@value WebAdmitClient#ENV_API_KEY}
         *     when configured from the environment) or the base URL is invalid
         */
        public WebAdmitClient build() {
            if (credentialsOrNull() == null && usesEnvironment()) {
                credentials(Credentials.apiKey(API_KEY_HEADER,
                        requireEnvironmentVariable(ENV_API_KEY, "the WebAdMIT API key")));
            }
            Transport transport = buildTransport(MODULE, environmentVariable(ENV_BASE_URL).orElse(DEFAULT_BASE_URL),
                    ErrorBodyParser.json(), List.of("X-Request-Id"));
            return new WebAdmitClient(transport, exportPollOptions, batchPollOptions);
        }
    }
}
