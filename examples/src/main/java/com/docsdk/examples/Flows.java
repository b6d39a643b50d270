package com.docsdk.examples;

import java.util.List;

/** The flows the demo runs, in order. */
final class Flows {
    private Flows() {
    }

    static List<Flow> all() {
        return List.of(new FileAiExample(), new WebAdmitExample(), new SmartDocumentorExample(), new DcycleExample(),
                new Document360Example());
    }
}
