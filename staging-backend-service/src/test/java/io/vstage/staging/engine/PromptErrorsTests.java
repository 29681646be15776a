package io.vstage.staging.engine;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PromptErrorsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void missingModelIsNamedByNodeAndInput() {
		String reason = PromptErrors.describe(this.json.readTree("""
				{"error":{"type":"prompt_outputs_failed_validation","message":"Prompt outputs failed validation",
				"details":"","extra_info":{}},
				"node_errors":{"3":{"errors":[{"type":"value_not_in_list","message":"Value not in list",
				"details":"ckpt_name: 'missing.safetensors' not in ['a.safetensors']",
				"extra_info":{"input_name":"ckpt_name"}}],"dependent_outputs":["159"],
				"class_type":"CheckpointLoaderSimple"}}}"""));
		assertThat(reason).contains("node 3 (CheckpointLoaderSimple) input ckpt_name")
			.contains("'missing.safetensors' not in");
	}

	@Test
	void missingNodeClassIsNamed() {
		String reason = PromptErrors.describe(this.json.readTree("""
				{"error":{"type":"invalid_prompt","message":"Cannot execute because node Foo does not exist.",
				"details":"Node ID '#12'","extra_info":{}},"node_errors":{}}"""));
		assertThat(reason).isEqualTo("invalid_prompt: Cannot execute because node Foo does not exist. (Node ID '#12')");
	}

	@Test
	void oldStringErrorIsTolerated() {
		assertThat(PromptErrors.describe(this.json.readTree("""
				{"error":"no prompt","node_errors":[]}"""))).isEqualTo("no prompt");
	}

}
