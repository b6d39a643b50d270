package com.docsdk.testkit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.function.Function;

/** The WireMock extension that hands every request of a simulator's server to the simulator's Java handlers. */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {
    private final String name;
    private final Function<ServeEvent, ResponseDefinition> handler;

    SimulatorTransformer(String name, Function<ServeEvent, ResponseDefinition> handler) {
        this.name = name;
        this.handler = handler;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return handler.apply(serveEvent);
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return name;
    }
}
