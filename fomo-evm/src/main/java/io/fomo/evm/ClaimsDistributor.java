package io.fomo.evm;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The engine's claims on chain: a {@code MerkleDistributor} contract, one cumulative tree per token. At
 * each epoch close the engine's claimable balances of an asset (every account's FLOCK, or one deployment's
 * MT, as {@code FomoProtocol.claimableBalances} gives them) become a {@link ClaimsMerkleTree} of
 * (address, cumulative amount), whose root this class publishes; anyone may then claim with a proof, and
 * the contract pays each account what its cumulative amount exceeds what it was paid before.
 *
 * <p>The distributor holds what it pays: a chain deployment registers the engine's rewards account at the
 * distributor's address, so the engine's own transfers into its rewards account fund the distributor with
 * exactly what it reserved for claims. {@link #publish} checks that the distributor holds at least what the
 * new root still owes, before publishing it.
 *
 * <p>This class is thread-safe: it uses its {@link EvmChain} under that connection's lock.
 */
public final class ClaimsDistributor {

    private static final BigInteger PUBLISH_GAS = BigInteger.valueOf(150_000);
    private static final BigInteger CLAIM_GAS = BigInteger.valueOf(300_000);

    private final EvmChain chain;
    private final String distributor;
    private final AddressRegistry accounts;

    private ClaimsDistributor(EvmChain chain, String distributor, AddressRegistry accounts) {
        this.chain = chain;
        this.distributor = distributor;
        this.accounts = accounts;
    }

    /**
     * Drives a deployed distributor whose publisher is the connection's key.
     *
     * @param chain       the connection
     * @param distributor the {@code MerkleDistributor}'s address
     * @param accounts    the registry that maps claimants to addresses
     * @return the distributor
     */
    public static ClaimsDistributor at(EvmChain chain, String distributor, AddressRegistry accounts) {
        return new ClaimsDistributor(Objects.requireNonNull(chain, "chain"), AddressRegistry.canonical(distributor),
                Objects.requireNonNull(accounts, "accounts"));
    }

    /**
     * Returns the distributor's address.
     *
     * @return the address
     */
    public String address() {
        return distributor;
    }

    /**
     * Builds the cumulative tree of one asset's claimable balances.
     *
     * @param claimable positive cumulative amounts by account, all of one asset, every account registered
     * @return the tree, empty when there is nothing to claim
     * @throws InvalidArgumentException if an amount is not positive, the assets differ, or an account has no
     *                                  address in the registry
     */
    public Optional<ClaimsMerkleTree> tree(SortedMap<AccountId, Amount> claimable) {
        Objects.requireNonNull(claimable, "claimable");
        List<ClaimsMerkleTree.Claim> claims = new ArrayList<>();
        Asset asset = null;
        for (Map.Entry<AccountId, Amount> e : claimable.entrySet()) {
            Amount a = e.getValue();
            if (asset == null) {
                asset = a.asset();
            }
            Amount.zero(asset).requireSameAsset("claimable", a);
            if (!a.isPositive()) {
                throw InvalidArgumentException.of("claimable", a, "must be positive (account " + e.getKey() + ")");
            }
            String address = accounts.address(e.getKey()).orElseThrow(() -> InvalidArgumentException.of("claimable",
                    e.getKey(), "has no address in the registry; register it first"));
            claims.add(new ClaimsMerkleTree.Claim(address, a.units()));
        }
        return claims.isEmpty() ? Optional.empty() : Optional.of(ClaimsMerkleTree.of(claims));
    }

    /**
     * Publishes the cumulative root of one token at an epoch close, after checking the distributor holds at
     * least what the tree still owes (its total less everything the distributor paid of that token).
     *
     * @param epoch the closed epoch, later than the token's last published one
     * @param token the token's address
     * @param tree  the cumulative tree
     * @throws InvalidArgumentException if the epoch is negative
     * @throws InvalidStateException    if the distributor holds too little, or the contract refuses (an epoch
     *                                  not after the last one: {@code EpochNotAfter})
     */
    public void publish(long epoch, String token, ClaimsMerkleTree tree) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tree, "tree");
        if (epoch < 0) {
            throw InvalidArgumentException.of("epoch", epoch, "must not be negative");
        }
        BigInteger total = BigInteger.ZERO;
        for (ClaimsMerkleTree.Claim c : tree.claims()) {
            total = total.add(c.amount());
        }
        synchronized (chain) {
            BigInteger owed = total.subtract(totalPaid(token));
            BigInteger held = chain.balanceOf(token, distributor);
            if (held.compareTo(owed) < 0) {
                throw InvalidStateException.of("tree", tree.root(), "owes " + owed + " units of " + token
                        + " but the distributor holds only " + held);
            }
            chain.rpc().transact(distributor, FunctionEncoder.encode(new Function("publish", List.of(new Address(token),
                    new Uint256(epoch), new Bytes32(Numeric.hexStringToByteArray(tree.root()))), List.of())),
                    PUBLISH_GAS);
        }
    }

    /**
     * Returns the root published last for a token.
     *
     * @param token the token's address
     * @return the root, {@code 0x} and 64 hex digits (all zero before any publication)
     */
    public String root(String token) {
        synchronized (chain) {
            byte[] r = (byte[]) chain.rpc().call(distributor, new Function("root", List.of(new Address(token)),
                    List.of(new TypeReference<Bytes32>() { }))).get(0).getValue();
            return Numeric.toHexString(r);
        }
    }

    /**
     * Claims an account's cumulative amount of a token with its proof from a tree (anyone may send a claim;
     * the tokens go to the account).
     *
     * @param token   the token's address
     * @param tree    the tree whose root is the token's published one
     * @param address the claimant's address, a leaf of the tree
     * @return what the distributor paid
     * @throws InvalidArgumentException if the address is not in the tree
     * @throws InvalidStateException    if the contract refuses ({@code NothingToClaim} when the cumulative
     *                                  amount was paid already, {@code InvalidProof} for another root)
     */
    public BigInteger claim(String token, ClaimsMerkleTree tree, String address) {
        String who = AddressRegistry.canonical(address);
        ClaimsMerkleTree.Claim c = tree.claims().stream().filter(x -> x.address().equals(who)).findFirst()
                .orElseThrow(() -> InvalidArgumentException.of("address", who, "is not a leaf of the tree"));
        List<Bytes32> proof = tree.proof(who).stream().map(h -> new Bytes32(Numeric.hexStringToByteArray(h))).toList();
        synchronized (chain) {
            BigInteger before = chain.balanceOf(token, who);
            chain.rpc().transact(distributor, FunctionEncoder.encode(new Function("claim", List.of(new Address(token),
                    new Address(who), new Uint256(c.amount()), new DynamicArray<>(Bytes32.class, proof)), List.of())),
                    CLAIM_GAS);
            return chain.balanceOf(token, who).subtract(before);
        }
    }

    /**
     * Returns the cumulative amount of a token the distributor has paid an address.
     *
     * @param token   the token's address
     * @param address the claimant
     * @return the amount in base units
     */
    public BigInteger claimed(String token, String address) {
        synchronized (chain) {
            return (BigInteger) chain.rpc().call(distributor, new Function("claimed", List.of(new Address(token),
                    new Address(AddressRegistry.canonical(address))), List.of(new TypeReference<Uint256>() { })))
                    .get(0).getValue();
        }
    }

    private BigInteger totalPaid(String token) {
        return (BigInteger) chain.rpc().call(distributor, new Function("totalPaid", List.of(new Address(token)),
                List.of(new TypeReference<Uint256>() { }))).get(0).getValue();
    }
}
