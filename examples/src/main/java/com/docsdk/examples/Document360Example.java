package com.docsdk.examples;

import com.docsdk.core.wait.PollOptions;
import com.docsdk.document360.CompletedExport;
import com.docsdk.document360.Document360Client;
import com.docsdk.document360.ExportRequest;
import com.docsdk.document360.Workspace;
import com.docsdk.document360.WorkspaceRef;
import com.docsdk.document360.model.Project;
import com.docsdk.testkit.Document360Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Document360: list projects ({@code projects().list()}, generated from the spec), list the first one's workspaces
 * (v3.1; project versions on an older server, detected once by the client), start an export of its default workspace,
 * wait for it and download it (the SAS URL gets no credentials). Real API when {@code DOCUMENT360_TOKEN} or {@code DOCUMENT360_API_KEY} is set.
 */
final class Document360Example extends Flow {

    Document360Example() {
        super("Document360", "workspace, start export, wait, download");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("DOCUMENT360_TOKEN") || Env.has("DOCUMENT360_API_KEY");
        console.heading(vendor(), description(), Env.target(real, "apihub.document360.io"));
        try (Document360Simulator sim = real ? null : Document360Simulator.create().start();
                Document360Client d360 = real ? Document360Client.fromEnv()
                        : Document360Client.builder().apiKey("demo-api-key").baseUrl(sim.baseUrl()).build()) {
            List<Project> projects = d360.projects().list().stream().toList();
            console.step("%d project(s); exporting \"%s\"", projects.size(), projects.get(0).getName());
            Project project = projects.get(0);

            List<Workspace> workspaces = d360.listWorkspaces(project.getId()).stream().toList();
            Workspace workspace = d360.getWorkspace(project.getId(), WorkspaceRef.defaultWorkspace());
            console.step("%d workspace(s) (the server speaks %s); exporting the default one, \"%s\"",
                    workspaces.size(), d360.workspaceDialect(project.getId()), workspace.name().orElse("?"));

            Path target = workDir().resolve("docs.zip");
            PollOptions polling = real ? PollOptions.builder().interval(Duration.ofSeconds(3)).build()
                    : PollOptions.builder().interval(Duration.ofMillis(200)).build();
            CompletedExport done = d360.exportToFile(project.getId(),
                    ExportRequest.builder().format("markdown").workspace(workspace).build(), target, polling);
            console.step("%s: %,d bytes, sha256 %s...", done.file(), done.download().bytes(),
                    done.download().sha256().substring(0, 16));
            return String.format("export %s %s, %,d bytes downloaded", done.export().getId(),
                    done.export().getStatus(), done.download().bytes());
        }
    }
}
