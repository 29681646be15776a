package io.vstage.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where client addresses come from.
 *
 * @param trustedProxies addresses and CIDR ranges of the proxies in front of the gateway
 * ({@code TRUSTED_PROXIES}, comma-separated); only a connection from one of them has its
 * {@code Forwarded} / {@code X-Forwarded-For} believed. Empty: every client is the
 * connection's peer.
 */
@ConfigurationProperties("vstage.gateway")
record ClientAddressProperties(@DefaultValue List<String> trustedProxies) {
}
