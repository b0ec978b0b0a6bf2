package io.leadflow.intake.lead;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The client's address (the proxy's, unless proxy-address-forwarding is enabled behind a trusted proxy). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
