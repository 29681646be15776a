package io.vstage.staging.observability;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineMetricsTests {

	@Test
	void theEngineLabelNeverCarriesCredentialsOrAQuery() {
		assertThat(EngineMetrics.label(URI.create("http://comfy:s3cret@gpu-1.internal:8188/base?token=t")))
			.isEqualTo("http://gpu-1.internal:8188/base");
		assertThat(EngineMetrics.label(URI.create("https://gpu-2"))).isEqualTo("https://gpu-2");
	}

}
