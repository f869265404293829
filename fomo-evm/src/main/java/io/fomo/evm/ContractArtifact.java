package io.fomo.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fomo.spi.InvalidStateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One compiled contract: its name, ABI and creation bytecode, read from the class path resource
 * {@code io/fomo/evm/contracts/<name>.json} that the build writes (solc-js for this module's sources, the
 * unmodified {@code @uniswap/v2-core} 1.0.1 build for {@code UniswapV2Factory} and {@code UniswapV2Pair}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ContractArtifact {

    /** The class path folder of the compiled contracts. */
    static final String FOLDER = "/io/fomo/evm/contracts/";

    private final String name;
    private final JsonNode abi;
    private final String bytecode;

    private ContractArtifact(String name, JsonNode abi, String bytecode) {
        this.name = name;
        this.abi = abi;
        this.bytecode = bytecode;
    }

    /**
     * Returns whether the build compiled the contracts (it does when node and npm are installed).
     *
     * @return true if the compiled contracts are on the class path
     */
    public static boolean compiled() {
        return ContractArtifact.class.getResource(FOLDER + "FomoSettlement.json") != null;
    }

    /**
     * Loads a compiled contract.
     *
     * @param name the contract's name, as in {@code "FomoSettlement"}
     * @return the artifact
     * @throws InvalidStateException if the contract was not compiled (no node or npm at build time)
     */
    public static ContractArtifact load(String name) {
        Objects.requireNonNull(name, "name");
        try (InputStream in = ContractArtifact.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw InvalidStateException.of("contract", name,
                        "was not compiled: build fomo-evm with node and npm installed");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            return new ContractArtifact(name, json.get("abi"), json.get("bytecode").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the compiled contract " + name, e);
        }
    }

    /**
     * Returns the contract's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the creation bytecode.
     *
     * @return {@code 0x}-prefixed hex
     */
    public String bytecode() {
        return bytecode;
    }

    /**
     * Returns the ABI.
     *
     * @return the ABI's JSON array
     */
    JsonNode abi() {
        return abi;
    }
}
