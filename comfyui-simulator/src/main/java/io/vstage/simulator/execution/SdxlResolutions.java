package io.vstage.simulator.execution;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * ComfyMath's {@code CM_NearestSDXLResolution}: the SDXL training size closest in aspect
 * ratio.
 */
final class SdxlResolutions {

	private static final int[][] SIZES = { { 1024, 1024 }, { 1152, 896 }, { 896, 1152 }, { 1216, 832 }, { 832, 1216 },
			{ 1344, 768 }, { 768, 1344 }, { 1536, 640 }, { 640, 1536 } };

	private SdxlResolutions() {
	}

	static List<Object> nearest(BufferedImage image) {
		double aspect = (double) image.getWidth() / image.getHeight();
		int[] best = SIZES[0];
		for (int[] size : SIZES) {
			if (Math.abs((double) size[0] / size[1] - aspect) < Math.abs((double) best[0] / best[1] - aspect)) {
				best = size;
			}
		}
		return List.of((long) best[0], (long) best[1]);
	}

}
