package io.vstage.staging.engine;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.staging.engine.HistoryEntry.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryParserTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void successListsOnlyTheBoundOutputNodes() {
		HistoryEntry entry = HistoryParser.parse(this.json.readTree("""
				{"outputs":{"159":{"images":[{"filename":"ComfyUI_00001_.png","subfolder":"","type":"output",
				"metadata":{"w":1}}]},"34":{"images":[{"filename":"tmp.png","subfolder":"","type":"temp"}]}},
				"status":{"status_str":"success","completed":true,"messages":[]}}"""), Set.of("159"));
		assertThat(entry.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(entry.images()).containsExactly(new ImageRef("ComfyUI_00001_.png", "", "output"));
	}

	@Test
	void errorIsDescribedFromTheLastMessage() {
		HistoryEntry entry = HistoryParser.parse(this.json.readTree(
				"""
						{"outputs":{},"status":{"status_str":"error","completed":false,"messages":[
						["execution_start",{"prompt_id":"p","timestamp":1}],
						["execution_error",{"prompt_id":"p","node_id":"41","node_type":"KSampler",
						"exception_type":"torch.OutOfMemoryError","exception_message":"CUDA out of memory\\n","timestamp":2}]]}}"""),
				Set.of("159"));
		assertThat(entry.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(entry.reason()).isEqualTo("node 41 (KSampler) failed: torch.OutOfMemoryError: CUDA out of memory");
	}

	@Test
	void interruptIsToldApartFromError() {
		HistoryEntry entry = HistoryParser.parse(this.json.readTree("""
				{"outputs":{},"status":{"status_str":"error","completed":false,"messages":[
				["execution_interrupted",{"prompt_id":"p","node_id":"41","node_type":"KSampler","timestamp":2}]]}}"""),
				Set.of("159"));
		assertThat(entry.outcome()).isEqualTo(Outcome.INTERRUPTED);
	}

	@Test
	void missingStatusOfOldServersCountsAsSuccess() {
		HistoryEntry entry = HistoryParser.parse(this.json.readTree("""
				{"outputs":{"9":{"images":[{"filename":"a.png","subfolder":"x","type":"output"}]}},"status":null}"""),
				Set.of("9"));
		assertThat(entry)
			.isEqualTo(new HistoryEntry(Outcome.SUCCESS, List.of(new ImageRef("a.png", "x", "output")), null));
	}

}
