package io.vstage.simulator.validation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages quote values the way Python prints them. */
class PyTextTests {

	@Test
	void floatsPrintLikePythonRepr() {
		assertThat(PyText.floatRepr(1.0)).isEqualTo("1.0");
		assertThat(PyText.floatRepr(0.1)).isEqualTo("0.1");
		assertThat(PyText.floatRepr(1e-5)).isEqualTo("1e-05");
		assertThat(PyText.floatRepr(1e16)).isEqualTo("1e+16");
		assertThat(PyText.floatRepr(123456789.125)).isEqualTo("123456789.125");
		assertThat(PyText.floatRepr(2.5e-7)).isEqualTo("2.5e-07");
	}

	@Test
	void stringsAndListsPrintLikePythonRepr() {
		JsonNodeFactory f = JsonNodeFactory.instance;
		assertThat(PyText.repr(f.stringNode("it's"))).isEqualTo("\"it's\"");
		assertThat(PyText.repr(f.arrayNode().add("a.safetensors").add("b"))).isEqualTo("['a.safetensors', 'b']");
		assertThat(PyText.repr(f.nullNode())).isEqualTo("None");
		assertThat(PyText.repr(f.booleanNode(true))).isEqualTo("True");
	}

	@Test
	void coercionFollowsPythonConversions() {
		JsonNodeFactory f = JsonNodeFactory.instance;
		assertThat(Coercion.coerce("INT", f.stringNode(" 5 ")).asInt()).isEqualTo(5);
		assertThat(Coercion.coerce("INT", f.numberNode(5.7)).asInt()).isEqualTo(5);
		assertThat(Coercion.coerce("BOOLEAN", f.stringNode("false")).asBoolean()).isTrue();
		assertThat(Coercion.coerce("STRING", f.numberNode(2.0)).asString()).isEqualTo("2.0");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Coercion.coerce("INT", f.stringNode("5.5")))
			.hasMessage("invalid literal for int() with base 10: '5.5'");
	}

}
