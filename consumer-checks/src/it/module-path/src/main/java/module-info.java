/** A user's modular application: requires the SDK's modules by their Automatic-Module-Name. */
module com.example.consumer {
    requires com.docsdk.core;
    requires com.docsdk.fileai;
    requires com.docsdk.webadmit;
    requires com.docsdk.smartdocumentor;
    requires com.docsdk.dcycle;
    requires com.docsdk.document360;
    requires jdk.httpserver;
}
