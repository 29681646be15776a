package io.vstage.staging.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import io.vstage.contracts.generation.GenerationApi;
import io.vstage.contracts.generation.GenerationReading;
import io.vstage.contracts.generation.GenerationRequest;
import io.vstage.contracts.generation.GenerationRequestReader;
import io.vstage.contracts.generation.Refusal;
import io.vstage.contracts.problem.ProblemTypes;
import io.vstage.contracts.token.InternalToken;
import io.vstage.staging.StagingProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a generation request from the servlet's own parts the suite's one way (the
 * gateway read it the same way to reserve its quota), and admits it only when it asks for
 * exactly the units the gateway reserved: images made never exceed images charged,
 * whatever the request's shape.
 */
@Component
class GenerationIntake {

	/** The longest text field read (prompts are checked to be far shorter). */
	private static final int MAX_TEXT_BYTES = 64 * 1024;

	/** The request and its photo parts, in the order sent. */
	record Admitted(GenerationRequest request, List<Part> photos) {
	}

	Admitted admit(GenerationApi api, HttpServletRequest http, Caller caller) {
		InternalToken.Reservation reservation = caller.reservation();
		if (reservation == null) {
			throw new StagingProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
					"A generation request must carry the gateway's quota reservation.");
		}
		GenerationRequestReader reader = GenerationRequestReader.start(api, http.getQueryString());
		List<Part> photos = new ArrayList<>();
		for (Part part : parts(http)) {
			List<String> dispositions = List.copyOf(part.getHeaders(HttpHeaders.CONTENT_DISPOSITION));
			if (part.getSubmittedFileName() != null) {
				if (reader.file(dispositions, part.getSize())) {
					photos.add(part);
				}
			}
			else {
				reader.text(dispositions, text(part));
			}
		}
		GenerationRequest request = switch (reader.finish()) {
			case GenerationReading.Admissible(GenerationRequest admissible) -> admissible;
			case GenerationReading.Refused(Refusal refusal) -> throw problem(refusal);
		};
		if (request.units() != reservation.units()) {
			throw new StagingProblem(HttpStatus.BAD_REQUEST, ProblemTypes.AMBIGUOUS_REQUEST, "The request reads as "
					+ request.units() + " images, but " + reservation.units() + " were reserved for it.");
		}
		return new Admitted(request, List.copyOf(photos));
	}

	private static List<Part> parts(HttpServletRequest http) {
		try {
			return List.copyOf(http.getParts());
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			throw new StagingProblem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_MULTIPART,
					"The multipart body could not be read.");
		}
	}

	private static String text(Part part) {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
			if (bytes.length > MAX_TEXT_BYTES) {
				throw new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_FIELD,
						String.valueOf(part.getName()), "A text field is longer than " + MAX_TEXT_BYTES + " bytes.");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new StagingProblem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_MULTIPART,
					"The multipart body could not be read.");
		}
	}

	private static StagingProblem problem(Refusal refusal) {
		HttpStatus status = HttpStatus.valueOf(refusal.status());
		return (refusal.field() != null) ? new StagingProblem(status, refusal.slug(), refusal.field(), refusal.detail())
				: new StagingProblem(status, refusal.slug(), refusal.detail());
	}

}
