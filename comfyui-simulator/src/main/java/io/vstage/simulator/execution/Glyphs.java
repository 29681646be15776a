package io.vstage.simulator.execution;

import java.util.Map;

/** A 5x7 bitmap font for the letters of "SIMULATED". */
final class Glyphs {

	private static final Map<Character, String[]> GLYPHS = Map.of('S',
			new String[] { " ####", "#    ", "#    ", " ### ", "    #", "    #", "#### " }, 'I',
			new String[] { "#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "#####" }, 'M',
			new String[] { "#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #" }, 'U',
			new String[] { "#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### " }, 'L',
			new String[] { "#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####" }, 'A',
			new String[] { " ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #" }, 'T',
			new String[] { "#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  " }, 'E',
			new String[] { "#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####" }, 'D',
			new String[] { "#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### " });

	private Glyphs() {
	}

	static String[] of(char c) {
		return GLYPHS.getOrDefault(c, new String[] { "", "", "", "", "", "", "" });
	}

}
