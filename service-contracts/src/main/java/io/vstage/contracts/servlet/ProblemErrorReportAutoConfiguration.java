package io.vstage.contracts.servlet;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Installs {@link ProblemErrorReportValve} as the error report of Tomcat's host, in place
 * of Tomcat's (and Spring Boot's) HTML one.
 */
@AutoConfiguration
@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
public final class ProblemErrorReportAutoConfiguration {

	@Bean
	static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
		return new ProblemErrorReports();
	}

	/** Runs after Spring Boot's own customizer, so that its valve is replaced. */
	private static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> install(context.getParent()));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		private static void install(Container parent) {
			if (!(parent instanceof Host host)) {
				return;
			}
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ProblemErrorReportValve());
			if (host instanceof StandardHost standard) {
				// otherwise the host adds Tomcat's own when it starts
				standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		}

	}

}
