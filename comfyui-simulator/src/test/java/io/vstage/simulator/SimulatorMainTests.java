package io.vstage.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The standalone jar's command line. */
class SimulatorMainTests {

	@Test
	void optionsMapOntoTheConfiguration() {
		SimulatorConfig config = SimulatorMain
			.parse(new String[] { "--port", "9000", "--profile", "newer", "--step-millis", "3", "--node-millis", "4",
					"--prompt-millis", "2000", "--data-dir", "/tmp/sim", "--models",
					"checkpoints=a.safetensors,b.safetensors;upscale_models=4x.pth", "--max-upload-size", "1",
					"--enable-cors-header" })
			.config();
		assertThat(config.port()).isEqualTo(9000);
		assertThat(config.profile()).isEqualTo(Profile.NEWER);
		assertThat(config.stepDelay()).isEqualTo(Duration.ofMillis(3));
		assertThat(config.nodeDelay()).isEqualTo(Duration.ofMillis(4));
		assertThat(config.promptDuration()).contains(Duration.ofMillis(2000));
		assertThat(config.dataDir()).contains(Path.of("/tmp/sim"));
		assertThat(config.models()).containsEntry("checkpoints", List.of("a.safetensors", "b.safetensors"))
			.containsEntry("upscale_models", List.of("4x.pth"));
		assertThat(config.maxUploadBytes()).hasValue(1024 * 1024);
		assertThat(config.corsOrigin()).isEqualTo(Optional.of("*"));
		assertThat(config.argv()).startsWith("comfyui-simulator", "--port", "9000");
	}

	@Test
	void defaultsSuitAStandaloneServer() {
		SimulatorConfig config = SimulatorMain.parse(new String[0]).config();
		assertThat(config.port()).isEqualTo(8188);
		assertThat(config.profile()).isEqualTo(Profile.V0_3_64);
		assertThat(config.stepDelay()).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void unknownOptionsAndProfilesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse(new String[] { "--nope" }))
			.withMessage("unknown option --nope");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse(new String[] { "--profile", "0.2" }));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse(new String[] { "--port" }))
			.withMessage("--port needs a value");
	}

}
