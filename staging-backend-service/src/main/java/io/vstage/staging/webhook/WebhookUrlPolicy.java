package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProblem;

/**
 * Where webhooks may go: http(s) URLs without credentials whose host resolves to public
 * addresses only (see {@link NonPublicAddresses}), unless the operator allows the host
 * name or its address range ({@code vstage.staging.webhook.allowed-hosts}). Checked when
 * a job is submitted and again, on the very addresses the delivery connects to, when it
 * is sent ({@link #verifiedAddresses(String)}), so that DNS cannot point an accepted name
 * somewhere else afterwards.
 */
@Component
public class WebhookUrlPolicy {

	private static final String FIELD = "webhook_url";

	/**
	 * Labels an IPv4 parser may read as numbers: decimal, octal (0...) or hex (0x...).
	 */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final Set<String> allowedNames;

	private final List<AddressRange> allowedRanges;

	private final HostResolver resolver;

	WebhookUrlPolicy(WebhookProperties properties, ObjectProvider<HostResolver> resolver) {
		List<AddressRange> ranges = new ArrayList<>();
		for (String host : properties.allowedHosts()) {
			if (AddressRange.isLiteral(host)) {
				ranges.add(AddressRange.parse(host));
			}
		}
		this.allowedRanges = List.copyOf(ranges);
		this.allowedNames = properties.allowedHosts()
			.stream()
			.filter((host) -> !AddressRange.isLiteral(host))
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.resolver = resolver.getIfAvailable(() -> InetAddress::getAllByName);
	}

	/**
	 * Refuses a webhook URL that may not be used, with a 422 problem naming the field.
	 */
	public void check(String url) {
		String host = host(url);
		try {
			verifiedAddresses(host);
		}
		catch (RefusedHostException ex) {
			throw unsafe(ex.getMessage());
		}
		catch (UnknownHostException ex) {
			throw unsafe("webhook_url names a host that does not resolve.");
		}
	}

	/**
	 * The host of a usable webhook URL.
	 * @throws StagingProblem when the URL may not be used whatever it resolves to
	 */
	String host(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw unsafe("webhook_url is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw unsafe("webhook_url must be an http or https URL.");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw unsafe("webhook_url must name a host and carry no credentials.");
		}
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			return host.substring(1, host.length() - 1);
		}
		if (isOddIpv4(host)) {
			// 2130706433, 0x7f.1, 0177.0.0.1, 127.1: resolvers disagree on these, so only
			// the plain dotted form is taken
			throw unsafe("webhook_url must write an IPv4 address as four decimal numbers (a.b.c.d).");
		}
		return host;
	}

	/**
	 * Resolves the host once and answers its addresses if every one may be reached; the
	 * sender connects to these addresses only.
	 * @throws RefusedHostException when an address may not be reached
	 * @throws UnknownHostException when the host does not resolve
	 */
	InetAddress[] verifiedAddresses(String host) throws UnknownHostException {
		InetAddress[] addresses = this.resolver.resolve(host);
		if (addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		if (this.allowedNames.contains(host.toLowerCase(Locale.ROOT))) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			if (this.allowedRanges.stream().anyMatch((range) -> range.contains(address))) {
				continue;
			}
			Optional<String> reason = NonPublicAddresses.reason(address);
			if (reason.isPresent()) {
				throw new RefusedHostException("webhook_url points at an address that is not public ("
						+ address.getHostAddress() + ": " + reason.get()
						+ "); an operator may allow it in vstage.staging.webhook.allowed-hosts.");
			}
		}
		return addresses;
	}

	private static boolean isOddIpv4(String host) {
		String[] labels = host.split("\\.", -1);
		for (String label : labels) {
			if (!NUMERIC_LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return !DOTTED_QUAD.matcher(host).matches();
	}

	private static StagingProblem unsafe(String detail) {
		StagingProblem problem = new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unsafe-webhook-url", detail);
		problem.getBody().setProperty("field", FIELD);
		return problem;
	}

	/** A host that resolves to an address a webhook may not reach. */
	static final class RefusedHostException extends UnknownHostException {

		RefusedHostException(String message) {
			super(message);
		}

	}

}
