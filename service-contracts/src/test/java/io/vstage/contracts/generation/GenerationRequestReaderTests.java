package io.vstage.contracts.generation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationRequestReaderTests {

	@Test
	void onePhotoAsksForNumImagesUnits() {
		GenerationRequest request = admitted(staging(null).photo("image").text("num_images", "4").text("style", "x"));
		assertThat(request.units()).isEqualTo(4);
		assertThat(request.field("style")).contains("x");
	}

	@Test
	void severalPhotosAreABatchEachAskingForNumImages() {
		GenerationRequest request = admitted(staging(null).photo("image").photo("image").text("num_images", "3"));
		assertThat(request.photos()).isEqualTo(2);
		assertThat(request.units()).isEqualTo(6);
	}

	@Test
	void numImagesDefaultsToOne() {
		assertThat(admitted(staging(null).photo("image")).units()).isEqualTo(1);
		assertThat(admitted(staging(null).photo("image").text("num_images", "")).units()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "num_images=10", "num%5Fimages=10", "NUM_IMAGES=3", "image=x", "style=a", "seed=1",
			"wait=1&wait=2" })
	void generationFieldsInTheQueryStringAreAmbiguous(String query) {
		assertThat(refusal(staging(query).photo("image"))).extracting(Refusal::status, Refusal::slug)
			.containsExactly(400, "ambiguous-request");
	}

	@Test
	void waitMayBeInTheQueryOnce() {
		assertThat(admitted(staging("wait=60&other=1").photo("image")).field("wait")).contains("60");
		assertThat(refusal(staging("wait=60").photo("image").text("wait", "5")).slug()).isEqualTo("ambiguous-request");
	}

	@Test
	void aBadlyEncodedQueryIsABadRequest() {
		assertThat(refusal(staging("wait=%zz").photo("image")).slug()).isEqualTo("bad-request");
	}

	@Test
	void aSingleValuedFieldGivenTwiceIsAmbiguousInEitherOrder() {
		assertThat(refusal(staging(null).photo("image").text("num_images", "10").text("num_images", "1")))
			.extracting(Refusal::slug, Refusal::field)
			.containsExactly("ambiguous-request", "num_images");
		assertThat(refusal(staging(null).photo("image").text("num_images", "1").text("num_images", "10")).slug())
			.isEqualTo("ambiguous-request");
		assertThat(refusal(staging(null).photo("image").text("style", "a").text("style", "a")).slug())
			.isEqualTo("ambiguous-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "form-data; name*=UTF-8''image; filename=\"a.jpg\"",
			"form-data; name=\"image\"; filename*=UTF-8''a.jpg", "form-data; name=\"x\"; name=\"image\"; filename=a",
			"form-data; name=\"image\"; filename=\"a\"; filename=\"b\"" })
	void dispositionsThatReadTwoWaysAreAmbiguous(String disposition) {
		Parts parts = staging(null).photo("image");
		parts.reader.file(List.of(disposition), 10);
		assertThat(refusal(parts).slug()).isEqualTo("ambiguous-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "attachment; name=\"image\"; filename=\"a\"", "form-data", "form-data; name=",
			"form-data; name=\"image", "form-data; filename=\"a.jpg\"", "form-data; name=\"im\u0000age\"" })
	void unreadableDispositionsAreBadMultipart(String disposition) {
		Parts parts = staging(null);
		parts.reader.file(List.of(disposition), 10);
		assertThat(refusal(parts).slug()).isEqualTo("bad-multipart");
	}

	@Test
	void aPartWithTwoDispositionsIsBadMultipart() {
		Parts parts = staging(null);
		parts.reader.file(List.of("form-data; name=\"image\"; filename=\"a\"", "form-data; name=\"x\""), 10);
		assertThat(refusal(parts).slug()).isEqualTo("bad-multipart");
	}

	@Test
	void fieldsOfTheWrongKindAreAmbiguous() {
		assertThat(refusal(staging(null).photo("image").text("image", "x")).field()).isEqualTo("image");
		Parts numImagesAsFile = staging(null).photo("image");
		numImagesAsFile.reader.file(List.of("form-data; name=\"num_images\"; filename=\"n\""), 2);
		assertThat(refusal(numImagesAsFile).field()).isEqualTo("num_images");
		Parts fileParsedAsText = staging(null).photo("image");
		fileParsedAsText.reader.text(List.of("form-data; name=\"style\"; filename=\"s\""), "x");
		assertThat(refusal(fileParsedAsText).slug()).isEqualTo("ambiguous-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "11", "-1", "2147483648", "abc", "1e1", "+5", "\uff15", "5.0", "0x5", "٣" })
	void numImagesOutsideOneToTenIsAnInvalidField(String value) {
		assertThat(refusal(staging(null).photo("image").text("num_images", value)))
			.extracting(Refusal::status, Refusal::slug, Refusal::field)
			.containsExactly(422, "invalid-field", "num_images");
	}

	@Test
	void noPhotoOrAnEmptyPhotoIsAnInvalidField() {
		assertThat(refusal(staging(null).text("style", "x"))).extracting(Refusal::status, Refusal::field)
			.containsExactly(422, "image");
		Parts empty = staging(null);
		empty.reader.file(List.of("form-data; name=\"image\"; filename=\"a.jpg\""), 0);
		assertThat(refusal(empty).field()).isEqualTo("image");
	}

	@Test
	void theLegacyEndpointTakesOnePhotoInFile() {
		assertThat(admitted(legacy().photo("file").text("num_images", "3")).units()).isEqualTo(3);
		assertThat(refusal(legacy().photo("file").photo("file")).slug()).isEqualTo("ambiguous-request");
		assertThat(refusal(legacy().photo("image")).field()).isEqualTo("file");
	}

	@Test
	void unknownFieldsAreIgnored() {
		assertThat(admitted(staging(null).photo("image").text("colour", "red").photo("other")).units()).isEqualTo(1);
	}

	@Test
	void quotedNamesWithEscapesAndSemicolonsReadOneWay() {
		Parts parts = staging(null);
		parts.reader.file(List.of("form-data; name=\"image\"; filename=\"a;\\\"b.jpg\""), 5);
		parts.reader.text(List.of("FORM-DATA;name=num_images"), "2");
		assertThat(admitted(parts).units()).isEqualTo(2);
	}

	private static Parts staging(@Nullable String query) {
		return new Parts(GenerationRequestReader.start(GenerationApi.STAGING, query));
	}

	private static Parts legacy() {
		return new Parts(GenerationRequestReader.start(GenerationApi.LEGACY, null));
	}

	private static GenerationRequest admitted(Parts parts) {
		GenerationReading reading = parts.reader.finish();
		assertThat(reading).isInstanceOf(GenerationReading.Admissible.class);
		return ((GenerationReading.Admissible) reading).request();
	}

	private static Refusal refusal(Parts parts) {
		GenerationReading reading = parts.reader.finish();
		assertThat(reading).isInstanceOf(GenerationReading.Refused.class);
		return ((GenerationReading.Refused) reading).refusal();
	}

	private record Parts(GenerationRequestReader reader) {

		Parts photo(String name) {
			this.reader.file(List.of("form-data; name=\"" + name + "\"; filename=\"room.jpg\""), 1024);
			return this;
		}

		Parts text(String name, String value) {
			this.reader.text(List.of("form-data; name=\"" + name + "\""), value);
			return this;
		}

	}

}
