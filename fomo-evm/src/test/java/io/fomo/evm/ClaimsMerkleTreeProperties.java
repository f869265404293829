package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;

/**
 * The Java tree is OpenZeppelin's: for random claim lists, the root, the whole tree array and every
 * value's tree index equal what npm {@code @openzeppelin/merkle-tree}'s {@code StandardMerkleTree.of}
 * produces (run by node from the build's npm folder), and every proof leads from its leaf to the root.
 */
class ClaimsMerkleTreeProperties {

    @Provide
    Arbitrary<List<ClaimsMerkleTree.Claim>> claims() {
        Arbitrary<String> addresses = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(40)
                .map(h -> "0x" + h);
        Arbitrary<BigInteger> amounts = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
        return Combinators.combine(addresses, amounts).as(ClaimsMerkleTree.Claim::new)
                .list().ofMinSize(1).ofMaxSize(40).uniqueElements(ClaimsMerkleTree.Claim::address);
    }

    @Property(tries = 30)
    void theTreeIsOpenZeppelinsStandardMerkleTree(@ForAll("claims") List<ClaimsMerkleTree.Claim> claims)
            throws IOException, InterruptedException {
        ClaimsMerkleTree tree = ClaimsMerkleTree.of(claims);
        ObjectMapper json = new ObjectMapper();
        var input = json.createArrayNode();
        claims.forEach(c -> input.addArray().add(c.address()).add(c.amount().toString()));
        JsonNode reference = json.readTree(runNode(json.writeValueAsString(input)));
        assertEquals(reference.get("root").asText(), tree.root());
        assertEquals(reference.get("dump"), json.readTree(tree.dumpJson()));
        for (ClaimsMerkleTree.Claim c : claims) {
            byte[] node = ClaimsMerkleTree.leafHash(c);
            for (String sibling : tree.proof(c.address())) {
                byte[] s = org.web3j.utils.Numeric.hexStringToByteArray(sibling);
                byte[] both = new byte[64];
                boolean first = java.util.Arrays.compareUnsigned(node, s) <= 0;
                System.arraycopy(first ? node : s, 0, both, 0, 32);
                System.arraycopy(first ? s : node, 0, both, 32, 32);
                node = org.web3j.crypto.Hash.sha3(both);
            }
            assertEquals(tree.root(), org.web3j.utils.Numeric.toHexString(node), "the proof of " + c);
        }
    }

    private static String runNode(String stdin) throws IOException, InterruptedException {
        String npm = System.getProperty("fomo.evm.npm", "target/npm");
        Path script = Path.of(npm, "merkle.mjs");
        if (!Files.exists(Path.of(npm, "node_modules/@openzeppelin/merkle-tree"))) {
            String why = "npm @openzeppelin/merkle-tree is not installed (node or npm missing at build time)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Process p = new ProcessBuilder("node", script.toString()).redirectErrorStream(false).start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                fail("node merkle.mjs failed: " + err);
            }
            return out;
        } finally {
            p.destroy();
        }
    }
}
