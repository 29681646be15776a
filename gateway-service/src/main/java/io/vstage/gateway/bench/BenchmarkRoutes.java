package io.vstage.gateway.bench;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * Two routes to the same cheap upstream, only under the {@code benchmark} profile:
 * {@code /bench/full/**} passes authentication, role, rate limit and JWT minting, and
 * {@code /bench/plain/**} none of them. They are declared here rather than in
 * {@code application.yml} because a profile cannot add to the YAML route list, only
 * replace it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("benchmark")
class BenchmarkRoutes {

	@Bean
	RouteLocator benchmarkRouteLocator(RouteLocatorBuilder routes, BenchmarkProperties properties) {
		String upstream = properties.upstream().toString();
		return routes.routes()
			.route("bench-full",
					(route) -> route.path("/bench/full/**")
						.metadata(Map.of("role", "user", "audience", "staging-backend"))
						.uri(upstream))
			.route("bench-plain", (route) -> route.path("/bench/plain/**").metadata(Map.of()).uri(upstream))
			.build();
	}

	/**
	 * The benchmark's upstream.
	 *
	 * @param upstream base URL of the cheap upstream both routes forward to
	 * ({@code BENCH_UPSTREAM_URL})
	 */
	@ConfigurationProperties("vstage.gateway.benchmark")
	@Validated
	record BenchmarkProperties(@DefaultValue("http://127.0.0.1:8099") @NotNull URI upstream) {
	}

}
