package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.vstage.staging.StagingProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlPolicyTests {

	/** Names a test resolver answers, so that nothing here depends on real DNS. */
	private static final Map<String, String> NAMES = Map.of("public.example", "93.184.215.14", "internal.example",
			"10.1.2.3", "rebound.example", "169.254.169.254", "mixed.example", "93.184.215.14,192.168.1.1",
			"receiver.internal", "10.20.0.5");

	private final WebhookUrlPolicy strict = policy();

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/hook", "http://10.255.255.255/hook", "http://172.16.0.1/hook",
			"http://172.31.255.254/hook", "http://192.168.0.10/hook", "http://100.64.0.1/hook",
			"http://100.127.255.254/hook", "http://127.0.0.1:8080/hook", "http://127.8.9.10/hook",
			"http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hook", "http://0.1.2.3/hook",
			"http://224.0.0.1/hook", "http://239.255.255.250/hook", "http://255.255.255.255/hook",
			"http://240.0.0.1/hook", "http://[::1]/hook", "http://[::]/hook", "http://[fd00::1]/hook",
			"http://[fc00::1]/hook", "http://[fdff:ffff::1]/hook", "http://[fe80::1]/hook", "http://[febf::1]/hook",
			"http://[ff02::1]/hook", "http://[::ffff:10.0.0.1]/hook", "http://[::ffff:127.0.0.1]/hook",
			"http://[::ffff:a9fe:a9fe]/hook", "http://[::127.0.0.1]/hook", "http://[64:ff9b::10.0.0.1]/hook",
			"http://[2002:c0a8:0101::1]/hook", "http://2130706433/hook", "http://0x7f.1/hook", "http://0x7f000001/hook",
			"http://0177.0.0.1/hook", "http://127.1/hook", "http://017700000001/hook", "http://10.1/hook",
			"http://internal.example/hook", "http://rebound.example/hook", "http://mixed.example/hook" })
	void privateAndLocalTargetsAreRefused(String url) {
		assertThatThrownBy(() -> this.strict.check(url)).isInstanceOfSatisfying(StagingProblem.class, (problem) -> {
			assertThat(problem.getStatusCode().value()).isEqualTo(422);
			assertThat(problem.getBody().getType()).hasToString("https://vstage.io/problems/unsafe-webhook-url");
			assertThat(problem.getBody().getProperties()).containsEntry("field", "webhook_url");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/hook", "file:///etc/passwd", "http://user:pw@public.example/hook",
			"not a url", "http:///hook", "http://nowhere.example/hook" })
	void unusableUrlsAreRefused(String url) {
		assertThatThrownBy(() -> this.strict.check(url)).isInstanceOf(StagingProblem.class)
			.hasMessageContaining("unsafe-webhook-url");
	}

	@Test
	void theHostsOwnAddressesAreRefused() throws SocketException {
		List<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.toList();
		assertThat(own).isNotEmpty()
			.allSatisfy((address) -> assertThat(NonPublicAddresses.reason(address)).as(address.toString()).isPresent());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.215.14/hook", "https://public.example/hook", "http://[2606:2800::1]/hook",
			"http://[::ffff:93.184.215.14]/hook", "http://8.8.8.8/hook", "http://172.32.0.1/hook",
			"http://100.128.0.1/hook" })
	void publicTargetsAreAccepted(String url) {
		assertThatNoException().isThrownBy(() -> this.strict.check(url));
	}

	@Test
	void allowListedRangesAndNamesAreAcceptedAndNothingElse() {
		WebhookUrlPolicy policy = policy("127.0.0.1/32", "10.20.0.0/16", "Receiver.Internal", "fd00:1::/32");
		assertThatNoException().isThrownBy(() -> policy.check("http://127.0.0.1:9000/hook"));
		assertThatNoException().isThrownBy(() -> policy.check("http://10.20.3.4/hook"));
		assertThatNoException().isThrownBy(() -> policy.check("http://receiver.internal/hook"));
		assertThatNoException().isThrownBy(() -> policy.check("http://[fd00:1::5]/hook"));
		for (String refused : List.of("http://127.0.0.2/hook", "http://10.21.0.1/hook", "http://internal.example/hook",
				"http://[fd00:2::5]/hook", "http://2130706433/hook")) {
			assertThatThrownBy(() -> policy.check(refused)).as(refused).isInstanceOf(StagingProblem.class);
		}
	}

	@Test
	void verifiedAddressesAreTheResolvedOnesOrARefusal() throws UnknownHostException {
		assertThat(this.strict.verifiedAddresses("public.example")).extracting(InetAddress::getHostAddress)
			.containsExactly("93.184.215.14");
		assertThatThrownBy(() -> this.strict.verifiedAddresses("mixed.example"))
			.isInstanceOf(WebhookUrlPolicy.RefusedHostException.class)
			.hasMessageContaining("192.168.1.1");
	}

	private static WebhookUrlPolicy policy(String... allowed) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("resolver", (HostResolver) WebhookUrlPolicyTests::resolve);
		return new WebhookUrlPolicy(new WebhookProperties(List.of(allowed)), beans.getBeanProvider(HostResolver.class));
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		String addresses = NAMES.get(host.toLowerCase());
		if (addresses != null) {
			List<InetAddress> resolved = new java.util.ArrayList<>();
			for (String address : addresses.split(",")) {
				resolved.add(InetAddress.getByName(address));
			}
			return resolved.toArray(InetAddress[]::new);
		}
		if (AddressRange.isLiteral(host)) {
			return InetAddress.getAllByName(host);
		}
		// the odd spellings are refused before they are looked up; anything else is
		// unknown
		throw new UnknownHostException(host);
	}

}
