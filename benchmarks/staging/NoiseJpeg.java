import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/** Writes a JPEG of random noise (which barely compresses): java NoiseJpeg.java width height out.jpg */
public class NoiseJpeg {

	public static void main(String[] args) throws Exception {
		int width = Integer.parseInt(args[0]);
		int height = Integer.parseInt(args[1]);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.85f);
		try (FileImageOutputStream out = new FileImageOutputStream(new File(args[2]))) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
	}

}
