package io.fomo.examples.scenario;

/** Scenario texts shared by the tests, and a way to find where a snippet sits in a text. */
public final class ScenarioTexts {

    /** The smallest valid scenario: every optional field left out. */
    public static final String MINIMAL = String.join("\n",
            "{",
            "  \"name\": \"t\",",
            "  \"days\": 30,",
            "  \"launch\": {",
            "    \"minTarget\": \"1000\",",
            "    \"maxTarget\": \"2000\",",
            "    \"curve\": { \"type\": \"CONSTANT_PRODUCT\", \"startPrice\": \"0.001\" }",
            "  },",
            "  \"pricing\": { \"listPrice\": \"0.002\", \"floorPrice\": \"0.001\" },",
            "  \"supporters\": [],",
            "  \"flockPrice\": [ { \"day\": 0, \"usd\": \"0.25\" } ]",
            "}");

    private ScenarioTexts() {
    }

    /** MINIMAL with one more top-level field (inserted after the name). */
    public static String withField(String jsonField) {
        return MINIMAL.replace("  \"name\": \"t\",", "  \"name\": \"t\",\n  " + jsonField + ",");
    }

    /** The 1-based "line:column" where the first occurrence of a snippet starts. */
    public static String at(String text, String snippet) {
        int i = text.indexOf(snippet);
        if (i < 0) {
            throw new AssertionError("snippet not in text: " + snippet);
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return line + ":" + (i - lineStart + 1);
    }
}
