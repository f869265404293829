package io.fomo.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/**
 * Turns revert data into text: {@code Error(string)} into its message, {@code Panic(uint256)} into its code,
 * and the custom errors of the compiled contracts (OpenZeppelin's, the settlement's) into their name and
 * arguments. This class is immutable and thread-safe.
 */
final class RevertDecoder {

    private static final String ERROR = "0x08c379a0";
    private static final String PANIC = "0x4e487b71";
    private static final List<String> CONTRACTS = List.of("FomoSettlement", "ModelToken", "StandInToken",
            "MerkleDistributor", "MockAggregator");

    /** A custom error: its signature and argument types. */
    private record CustomError(String name, List<String> types) {
    }

    private final Map<String, CustomError> errors;

    private RevertDecoder(Map<String, CustomError> errors) {
        this.errors = errors;
    }

    static RevertDecoder standard() {
        Map<String, CustomError> errors = new HashMap<>();
        if (ContractArtifact.compiled()) {
            for (String c : CONTRACTS) {
                for (JsonNode entry : ContractArtifact.load(c).abi()) {
                    if (!"error".equals(entry.path("type").asText())) {
                        continue;
                    }
                    List<String> types = new ArrayList<>();
                    entry.path("inputs").forEach(i -> types.add(i.path("type").asText()));
                    String signature = entry.get("name").asText() + "(" + String.join(",", types) + ")";
                    errors.put(Hash.sha3String(signature).substring(0, 10), new CustomError(entry.get("name").asText(), types));
                }
            }
        }
        return new RevertDecoder(Map.copyOf(errors));
    }

    /**
     * Decodes revert data.
     *
     * @param data {@code 0x}-prefixed revert data, or null
     * @return the reason, or null if the data is empty or unknown
     */
    String decode(String data) {
        if (data == null || !data.startsWith("0x") || data.length() < 10) {
            return null;
        }
        String selector = data.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
        String args = "0x" + data.substring(10);
        try {
            if (selector.equals(ERROR)) {
                return decode(args, List.of("string")).get(0).getValue().toString();
            }
            if (selector.equals(PANIC)) {
                return "Panic(0x" + ((java.math.BigInteger) decode(args, List.of("uint256")).get(0).getValue()).toString(16) + ")";
            }
            CustomError e = errors.get(selector);
            if (e == null) {
                return "unknown error " + selector;
            }
            StringJoiner out = new StringJoiner(", ", e.name() + "(", ")");
            for (Type<?> t : decode(args, e.types())) {
                Object v = t.getValue();
                out.add(v instanceof byte[] b ? org.web3j.utils.Numeric.toHexString(b) : String.valueOf(v));
            }
            return out.toString();
        } catch (RuntimeException | ClassNotFoundException malformed) {
            return "undecodable revert data " + data.substring(0, Math.min(data.length(), 74));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Type> decode(String args, List<String> types) throws ClassNotFoundException {
        List<TypeReference<Type>> refs = new ArrayList<>();
        for (String t : types) {
            TypeReference<?> ref = TypeReference.makeTypeReference(t);
            refs.add((TypeReference<Type>) ref);
        }
        return FunctionReturnDecoder.decode(args, refs);
    }
}
