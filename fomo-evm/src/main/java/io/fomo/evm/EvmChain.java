package io.fomo.evm;

import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A connection to an EVM node for one signing key (the operator): deploys the FOMO contracts, the real
 * Uniswap v2 factory and pairs, and reads token balances. The {@link EvmChainGateway} executes intents
 * through the same connection, so that one nonce sequence covers everything the key sends.
 *
 * <p>This class is thread-safe: every method holds the connection's lock.
 */
public final class EvmChain implements AutoCloseable {

    /** Gas for a contract creation. */
    static final BigInteger DEPLOY_GAS = BigInteger.valueOf(6_000_000);
    /** Gas for creating a Uniswap v2 pair through the factory (it deploys the pair). */
    static final BigInteger CREATE_PAIR_GAS = BigInteger.valueOf(4_000_000);
    /** Gas for a small administrative call. */
    static final BigInteger ADMIN_GAS = BigInteger.valueOf(200_000);

    private final Web3j web3j;
    private final Rpc rpc;
    private final long chainId;

    private EvmChain(Web3j web3j, Credentials key, long chainId, Duration poll, Duration timeout) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.rpc = new Rpc(web3j, key, chainId, poll, timeout);
    }

    /**
     * Connects to a node over HTTP, polling receipts every 10 ms for up to 60 seconds.
     *
     * @param url           the node's JSON-RPC address
     * @param privateKeyHex the operator's private key, 32 bytes of hex
     * @return the connection
     * @throws InvalidArgumentException if the key is malformed
     * @throws InvalidStateException    if the node does not answer
     */
    public static EvmChain connect(String url, String privateKeyHex) {
        return connect(url, privateKeyHex, Duration.ofMillis(10), Duration.ofSeconds(60));
    }

    /**
     * Connects to a node over HTTP.
     *
     * @param url            the node's JSON-RPC address
     * @param privateKeyHex  the operator's private key, 32 bytes of hex
     * @param pollInterval   how often to ask for a receipt
     * @param receiptTimeout how long to wait for one
     * @return the connection
     * @throws InvalidArgumentException if the key is malformed
     * @throws InvalidStateException    if the node does not answer
     */
    public static EvmChain connect(String url, String privateKeyHex, Duration pollInterval, Duration receiptTimeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(privateKeyHex, "privateKeyHex");
        if (!privateKeyHex.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw InvalidArgumentException.of("privateKeyHex", "(hidden)", "is not 32 bytes of hex");
        }
        Web3j web3j = Web3j.build(new HttpService(url));
        long chainId = Rpc.send(web3j.ethChainId(), "eth_chainId").getChainId().longValueExact();
        return new EvmChain(web3j, Credentials.create(privateKeyHex), chainId, pollInterval, receiptTimeout);
    }

    /**
     * Returns a fresh random private key, for a local development node.
     *
     * @return 32 bytes of hex with {@code 0x}
     */
    public static String newKey() {
        SecureRandom random = new SecureRandom();
        BigInteger n = Sign.CURVE_PARAMS.getN();
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(n) >= 0);
        return Numeric.toHexStringWithPrefixZeroPadded(k, 64);
    }

    /**
     * Returns the address of a private key.
     *
     * @param privateKeyHex the key
     * @return the address, lower case with {@code 0x}
     */
    public static String addressOf(String privateKeyHex) {
        return Credentials.create(privateKeyHex).getAddress();
    }

    /**
     * Sends ether to an address from the node's first unlocked account (a development node's, such as
     * anvil's), to pay for gas.
     *
     * @param address the recipient
     * @param wei     the amount
     * @throws InvalidStateException if the node has no unlocked account or refuses
     */
    public synchronized void fundFromNodeAccount(String address, BigInteger wei) {
        List<String> accounts = Rpc.send(web3j.ethAccounts(), "eth_accounts").getAccounts();
        if (accounts.isEmpty()) {
            throw new InvalidStateException("the node has no unlocked account to fund " + address + " from");
        }
        var r = Rpc.send(web3j.ethSendTransaction(Transaction.createEtherTransaction(accounts.get(0), null, null,
                BigInteger.valueOf(21_000), AddressRegistry.canonical(address), wei)), "eth_sendTransaction");
        if (r.hasError()) {
            throw new InvalidStateException("funding " + address + ": " + r.getError().getMessage());
        }
        rpc.await(r.getTransactionHash());
    }

    /**
     * Returns the operator's address, the sender of every transaction of this connection.
     *
     * @return the address
     */
    public String operator() {
        return rpc.sender();
    }

    /**
     * Returns the chain id the node reported.
     *
     * @return the chain id
     */
    public long chainId() {
        return chainId;
    }

    /**
     * Deploys a compiled contract.
     *
     * @param artifact    the contract
     * @param constructor its constructor arguments
     * @return the new contract's address
     */
    synchronized String deploy(ContractArtifact artifact, List<Type> constructor) {
        String data = artifact.bytecode() + FunctionEncoder.encodeConstructor(constructor);
        TransactionReceipt r = rpc.transact(null, data, DEPLOY_GAS);
        return AddressRegistry.canonical(r.getContractAddress());
    }

    /**
     * Deploys the settlement contract with this connection's key as its operator.
     *
     * @return its address
     */
    public String deploySettlement() {
        return deploy(ContractArtifact.load("FomoSettlement"), List.of(new Address(operator())));
    }

    /**
     * Deploys the unmodified Uniswap v2 factory (fee switch off; this key may turn it on).
     *
     * @return its address
     */
    public String deployUniswapFactory() {
        return deploy(ContractArtifact.load("UniswapV2Factory"), List.of(new Address(operator())));
    }

    /**
     * Deploys a stand-in for a token FOMO does not issue (FLOCK, gmFLOCK), its whole supply minted once to
     * the settlement as unissued supply.
     *
     * @param settlement  the settlement contract
     * @param asset       the asset (symbol and decimals)
     * @param supplyUnits the fixed supply in base units
     * @return the token's address
     */
    public String deployStandInToken(String settlement, Asset asset, BigInteger supplyUnits) {
        return deploy(ContractArtifact.load("StandInToken"), List.of(new Utf8String(asset.symbol()),
                new Utf8String(asset.symbol()), new Uint8(asset.decimals()), new Address(settlement),
                new Address(settlement), new Uint256(supplyUnits)));
    }

    /**
     * Deploys a deployment's model token with no supply: the settlement mints its whole allocation once,
     * at graduation, when it executes the graduation's mint intents
     * ({@link EvmChainGateway#executeAllocation}); the token refuses any second mint.
     *
     * @param settlement the settlement contract, the only address that may mint (once)
     * @param asset      the model token (18 decimals)
     * @return the token's address
     * @throws InvalidArgumentException if the asset does not have 18 decimals
     */
    public String deployModelToken(String settlement, Asset asset) {
        if (asset.decimals() != 18) {
            throw InvalidArgumentException.of("asset", asset, "a model token has 18 decimals");
        }
        return deploy(ContractArtifact.load("ModelToken"), List.of(new Utf8String(asset.symbol()),
                new Utf8String(asset.symbol()), new Address(settlement)));
    }

    /**
     * Tells whether a model token's allocation was minted (its one mint happened).
     *
     * @param token the model token
     * @return true after the graduation's mint
     */
    public synchronized boolean minted(String token) {
        return (Boolean) rpc.call(token, new Function("minted", List.of(),
                List.of(new TypeReference<org.web3j.abi.datatypes.Bool>() { }))).get(0).getValue();
    }

    /**
     * Deploys a {@code MerkleDistributor} whose publisher is this connection's key.
     *
     * @return its address
     */
    public String deployDistributor() {
        return deploy(ContractArtifact.load("MerkleDistributor"), List.of(new Address(operator())));
    }

    /**
     * Creates the real Uniswap v2 pair of two tokens through the factory and books it as a pool with the
     * settlement.
     *
     * @param settlement the settlement contract
     * @param factory    the Uniswap v2 factory
     * @param tokenA     one token
     * @param tokenB     the other token
     * @return the pair's address
     */
    public synchronized String createPool(String settlement, String factory, String tokenA, String tokenB) {
        rpc.transact(factory, FunctionEncoder.encode(new Function("createPair",
                List.of(new Address(tokenA), new Address(tokenB)), List.of())), CREATE_PAIR_GAS);
        String pair = rpc.call(factory, new Function("getPair", List.of(new Address(tokenA), new Address(tokenB)),
                List.of(new TypeReference<Address>() { }))).get(0).toString();
        rpc.transact(settlement, FunctionEncoder.encode(new Function("registerPool", List.of(new Address(pair)),
                List.of())), ADMIN_GAS);
        return AddressRegistry.canonical(pair);
    }

    /**
     * Returns a token balance.
     *
     * @param token  the token
     * @param holder the holder
     * @return the balance in base units
     */
    public synchronized BigInteger balanceOf(String token, String holder) {
        return uint(token, new Function("balanceOf", List.of(new Address(holder)),
                List.of(new TypeReference<Uint256>() { })));
    }

    /**
     * Returns a token's total supply.
     *
     * @param token the token
     * @return the supply in base units
     */
    public synchronized BigInteger totalSupply(String token) {
        return uint(token, new Function("totalSupply", List.of(), List.of(new TypeReference<Uint256>() { })));
    }

    /**
     * Returns a Uniswap v2 pair's reserves, in the order of its {@code token0} and {@code token1}.
     *
     * @param pair the pair
     * @return the two reserves
     */
    public synchronized List<BigInteger> reserves(String pair) {
        List<Type> r = rpc.call(pair, new Function("getReserves", List.of(), List.of(new TypeReference<Uint112>() { },
                new TypeReference<Uint112>() { }, new TypeReference<Uint32>() { })));
        return List.of((BigInteger) r.get(0).getValue(), (BigInteger) r.get(1).getValue());
    }

    /**
     * Returns a pair's first token.
     *
     * @param pair the pair
     * @return {@code token0}'s address
     */
    public synchronized String token0(String pair) {
        return AddressRegistry.canonical(rpc.call(pair, new Function("token0", List.of(),
                List.of(new TypeReference<Address>() { }))).get(0).toString());
    }

    /**
     * Returns whether the settlement books an address as a pool.
     *
     * @param settlement the settlement contract
     * @param address    the address
     * @return true for a registered pair
     */
    public synchronized boolean isPool(String settlement, String address) {
        return (Boolean) rpc.call(settlement, new Function("isPool", List.of(new Address(address)),
                List.of(new TypeReference<Bool>() { }))).get(0).getValue();
    }

    private BigInteger uint(String to, Function f) {
        return (BigInteger) rpc.call(to, f).get(0).getValue();
    }

    Rpc rpc() {
        return rpc;
    }

    /** Shuts the HTTP client down. */
    @Override
    public void close() {
        web3j.shutdown();
    }
}
