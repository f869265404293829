package io.fomo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the README's code example compiling, running and saying what it does. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRoutesRevenueAsItsCommentSays() {
        // README-BEGIN
        Amount revenue = Amount.parse(Asset.USDC, "1250.000001");
        Waterfall routing = Waterfall.builder(Asset.USDC, RoundingMode.DOWN)
                .shareOfBase("mtBuyback", Share.ofBps(4000))
                .shareOfBase("flockBuyback", Share.ofBps(2000))
                .shareOfBase("issuer", Share.ofBps(2500))
                .rest("treasury")
                .build();
        Map<String, Amount> parts = routing.split(revenue);
        // README-END
        // 40% of 1250.000001 is 500.0000004, floored to 500.000000; 20% is 250.0000002; 25% is 312.50000025.
        assertEquals(List.of("mtBuyback", "flockBuyback", "issuer", "treasury"), List.copyOf(parts.keySet()));
        assertEquals(Amount.parse(Asset.USDC, "500"), parts.get("mtBuyback"));
        assertEquals(Amount.parse(Asset.USDC, "250"), parts.get("flockBuyback"));
        assertEquals(Amount.parse(Asset.USDC, "312.5"), parts.get("issuer"));
        assertEquals(Amount.parse(Asset.USDC, "187.500001"), parts.get("treasury"));
    }

    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        List<String> shown = lines(readme.substring(start, readme.indexOf("```", start)));
        String self = Files.readString(Path.of("src/test/java/io/fomo/core/ReadmeExampleTest.java"));
        List<String> tested = lines(self.substring(self.indexOf("// README-BEGIN") + 15, self.indexOf("// README-END")));
        assertEquals(tested, shown.stream().filter(l -> !l.startsWith("//")).collect(Collectors.toList()));
    }

    private static List<String> lines(String block) {
        return block.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }
}
