package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a webhook's host name up; the system resolver unless a test replaces it.
 */
@FunctionalInterface
interface HostResolver {

	/** Every address of the host (a literal address is read, not looked up). */
	InetAddress[] resolve(String host) throws UnknownHostException;

}
