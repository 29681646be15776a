package io.vstage.staging.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.staging.engine.EngineEvent.Connected;
import io.vstage.staging.engine.EngineEvent.ExecutionFailed;
import io.vstage.staging.engine.EngineEvent.Ignored;
import io.vstage.staging.engine.EngineEvent.NodeExecuting;
import io.vstage.staging.engine.EngineEvent.Preview;
import io.vstage.staging.engine.EngineEvent.Progress;
import io.vstage.staging.engine.EngineEvent.PromptFinished;
import io.vstage.staging.engine.EngineEvent.QueueStatus;

import static org.assertj.core.api.Assertions.assertThat;

class EngineFramesTests {

	private final EngineFrames frames = new EngineFrames(
			JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());

	@Test
	void connectStatusCarriesTheSid() {
		assertThat(this.frames.text("""
				{"type":"status","data":{"status":{"exec_info":{"queue_remaining":0}},"sid":"abc"}}"""))
			.isEqualTo(new Connected("abc"));
	}

	@Test
	void laterStatusIsQueueLength() {
		assertThat(this.frames.text("""
				{"type":"status","data":{"status":{"exec_info":{"queue_remaining":3}}}}"""))
			.isEqualTo(new QueueStatus(3));
	}

	@Test
	void executingNullEndsThePrompt() {
		assertThat(this.frames.text("""
				{"type":"executing","data":{"node":null,"prompt_id":"p1"}}""")).isEqualTo(new PromptFinished("p1"));
	}

	@Test
	void reconnectExecutingHasNoPromptId() {
		assertThat(this.frames.text("""
				{"type":"executing","data":{"node":"7"}}""")).isEqualTo(new NodeExecuting(null, "7"));
	}

	@Test
	void displayNodeIsPreferredOverNode() {
		assertThat(this.frames.text("""
				{"type":"executing","data":{"node":"7.0.1","display_node":"7","prompt_id":"p"}}"""))
			.isEqualTo(new NodeExecuting("p", "7"));
	}

	@Test
	void progressTicksAreParsed() {
		assertThat(this.frames.text("""
				{"type":"progress","data":{"value":5,"max":20,"prompt_id":"p","node":"41"}}"""))
			.isEqualTo(new Progress("p", "41", 5, 20));
	}

	@Test
	void executionErrorWithNanInputsIsParsed() {
		EngineEvent event = this.frames.text("""
				{"type":"execution_error","data":{"prompt_id":"p","node_id":"41","node_type":"KSampler",
				"exception_type":"RuntimeError","exception_message":"out of memory\\n","traceback":[],
				"current_inputs":{"cfg":[NaN]},"timestamp":1}}""");
		assertThat(event).isInstanceOfSatisfying(ExecutionFailed.class, (failed) -> {
			assertThat(failed.nodeType()).isEqualTo("KSampler");
			assertThat(failed.message()).isEqualTo("node 41 (KSampler) failed: RuntimeError: out of memory");
		});
	}

	@Test
	void executionBlockedWithoutTimestampIsNotTerminal() {
		assertThat(this.frames.text("""
				{"type":"execution_error","data":{"prompt_id":"p","node_id":"3","node_type":"X",
				"exception_type":"ExecutionBlocked","exception_message":"Execution Blocked: no"}}"""))
			.isInstanceOf(Ignored.class);
	}

	@Test
	void unknownTypesAreIgnored() {
		assertThat(this.frames.text("""
				{"type":"crystools.monitor","data":{}}""")).isEqualTo(new Ignored("crystools.monitor"));
	}

	@Test
	void binaryPreviewWithMetadataNamesItsPrompt() {
		byte[] meta = "{\"prompt_id\":\"p9\",\"image_type\":\"image/png\"}".getBytes(StandardCharsets.UTF_8);
		ByteBuffer frame = ByteBuffer.allocate(8 + meta.length + 3);
		frame.putInt(4).putInt(meta.length).put(meta).put(new byte[] { 1, 2, 3 }).flip();
		assertThat(this.frames.binary(frame)).isEqualTo(new Preview("p9", "image/png", 3));
	}

	@Test
	void binaryTextFramesAreIgnored() {
		ByteBuffer frame = ByteBuffer.allocate(12)
			.putInt(3)
			.putInt(1)
			.put((byte) '9')
			.put(new byte[] { 'h', 'i', '!' });
		assertThat(this.frames.binary(frame.flip())).isEqualTo(new Ignored("binary 3"));
	}

}
