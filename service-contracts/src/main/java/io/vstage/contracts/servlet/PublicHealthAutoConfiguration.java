package io.vstage.contracts.servlet;

import java.util.Arrays;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Installs {@link PublicHealthFilter} in every servlet service of the suite, with the
 * roles the service lets see health details ({@code management.endpoint.health.roles}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ OncePerRequestFilter.class, SecurityContextHolder.class, JsonMapper.class })
public final class PublicHealthAutoConfiguration {

	@Bean
	static PublicHealthFilter publicHealthFilter(Environment environment) {
		String[] roles = environment.getProperty("management.endpoint.health.roles", String[].class, new String[0]);
		return new PublicHealthFilter(Set.copyOf(Arrays.asList(roles)));
	}

}
