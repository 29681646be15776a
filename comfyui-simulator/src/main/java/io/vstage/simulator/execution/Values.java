package io.vstage.simulator.execution;

import java.awt.image.BufferedImage;

/** The simulated values that flow along links. */
final class Values {

	private Values() {
	}

	/**
	 * An IMAGE: a real picture derived from the uploaded one.
	 *
	 * @param image the pixels
	 */
	record Image(BufferedImage image) {

		@Override
		public String toString() {
			return "tensor(shape=[1, " + this.image.getHeight() + ", " + this.image.getWidth() + ", 3])";
		}

	}

	/**
	 * A LATENT, carrying the picture it would decode to.
	 *
	 * @param image the pixels
	 */
	record Latent(BufferedImage image) {

		@Override
		public String toString() {
			return "{'samples': tensor(shape=[1, 4, " + this.image.getHeight() / 8 + ", " + this.image.getWidth() / 8
					+ "])}";
		}

	}

	/**
	 * A MASK of the given size.
	 *
	 * @param image the mask as a grey picture
	 */
	record Mask(BufferedImage image) {

		@Override
		public String toString() {
			return "tensor(shape=[1, " + this.image.getHeight() + ", " + this.image.getWidth() + "])";
		}

	}

	/**
	 * Anything the simulator does not model (MODEL, CLIP, CONDITIONING…).
	 *
	 * @param type the ComfyUI type name
	 * @param nodeId the node that produced it
	 */
	record Opaque(String type, String nodeId) {

		@Override
		public String toString() {
			return "<simulated " + this.type + " from node " + this.nodeId + ">";
		}

	}

}
