package io.vstage.simulator.execution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary preview frames: type 1 ({@code [1][1=JPEG][bytes]}) and type 4 (with a JSON
 * header).
 */
final class PreviewFrames {

	private PreviewFrames() {
	}

	static byte[] plain(byte[] jpeg) {
		return ByteBuffer.allocate(8 + jpeg.length).putInt(1).putInt(1).put(jpeg).array();
	}

	static byte[] withMetadata(byte[] jpeg, String promptId, String nodeId) {
		byte[] json = ("{\"node_id\": \"" + nodeId + "\", \"prompt_id\": \"" + promptId + "\", \"display_node_id\": \""
				+ nodeId + "\", \"parent_node_id\": null, \"real_node_id\": \"" + nodeId
				+ "\", \"image_type\": \"image/jpeg\"}")
			.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(8 + json.length + jpeg.length)
			.putInt(4)
			.putInt(json.length)
			.put(json)
			.put(jpeg)
			.array();
	}

}
