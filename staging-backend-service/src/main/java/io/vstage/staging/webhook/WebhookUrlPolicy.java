package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.StagingProperties;

/**
 * Refuses webhook targets that are not http(s), or that resolve to loopback, link-local,
 * wildcard or multicast addresses (unless private targets are allowed), so webhooks
 * cannot probe the host.
 */
@Component
public class WebhookUrlPolicy {

	private final boolean allowPrivate;

	WebhookUrlPolicy(StagingProperties properties) {
		this.allowPrivate = properties.allowPrivateWebhooks();
	}

	public void check(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw unsafe("webhook_url is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase() : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw unsafe("webhook_url must be an http or https URL.");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			throw unsafe("webhook_url must name a host and carry no credentials.");
		}
		if (this.allowPrivate) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
						|| address.isMulticastAddress()) {
					throw unsafe("webhook_url points at a loopback or link-local address.");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw unsafe("webhook_url names a host that does not resolve.");
		}
	}

	private static StagingProblem unsafe(String detail) {
		return new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unsafe-webhook-url", detail);
	}

}
