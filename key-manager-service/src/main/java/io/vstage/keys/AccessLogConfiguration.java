package io.vstage.keys;

import io.vstage.contracts.servlet.RequestIdFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The gateway's request id in every log line of a request, and one access line per
 * request worth reading (logger {@code io.vstage.keys.access}).
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		// health probes, scrapes and every gateway's change-feed polling would drown the
		// requests worth reading
		RequestIdFilter filter = new RequestIdFilter("io.vstage.keys.access",
				(request) -> !request.getRequestURI().startsWith("/actuator/")
						&& !request.getRequestURI().startsWith("/internal/v1/keys/changes"));
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
