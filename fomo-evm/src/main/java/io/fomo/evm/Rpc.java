package io.fomo.evm;

import io.fomo.spi.InvalidStateException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The JSON-RPC calls the adapter makes, for one signing key: calls, signed transactions with a locally
 * managed nonce, receipt polling and revert reasons. Not thread-safe: the gateway serialises its use.
 */
final class Rpc {

    /** A transaction signed but maybe not yet sent. */
    record Signed(BigInteger nonce, String raw, String hash) {
    }

    /** A mined transaction's outcome. */
    record Outcome(String hash, boolean success, BigInteger block, String revertReason) {
    }

    private static final java.util.regex.Pattern CUSTOM_ERROR =
            java.util.regex.Pattern.compile("custom error (0x[0-9a-fA-F]{8}):? ?([0-9a-fA-F]*)");

    private final Web3j web3j;
    private final Credentials key;
    private final long chainId;
    private final Duration pollInterval;
    private final Duration receiptTimeout;
    private final RevertDecoder reverts;
    private BigInteger nextNonce;

    Rpc(Web3j web3j, Credentials key, long chainId, Duration pollInterval, Duration receiptTimeout) {
        this.web3j = web3j;
        this.key = key;
        this.chainId = chainId;
        this.pollInterval = pollInterval;
        this.receiptTimeout = receiptTimeout;
        this.reverts = RevertDecoder.standard();
    }

    Web3j web3j() {
        return web3j;
    }

    String sender() {
        return key.getAddress();
    }

    /** Calls a view function at the latest block; reverts are an InvalidStateException. */
    List<Type> call(String to, Function f) {
        return call(to, f, DefaultBlockParameterName.LATEST);
    }

    List<Type> call(String to, Function f, DefaultBlockParameter block) {
        String data = FunctionEncoder.encode(f);
        EthCall r = send(web3j.ethCall(Transaction.createEthCallTransaction(sender(), to, data), block), "eth_call");
        if (r.isReverted() || r.hasError()) {
            throw InvalidStateException.of("call", f.getName() + " on " + to, "reverted: " + reason(r));
        }
        return FunctionReturnDecoder.decode(r.getValue(), f.getOutputParameters());
    }

    /** Simulates a transaction from the signing key; returns the revert reason, empty if it would succeed. */
    Optional<String> simulate(String to, String data, DefaultBlockParameter block) {
        EthCall r = send(web3j.ethCall(Transaction.createEthCallTransaction(sender(), to, data), block), "eth_call");
        if (r.isReverted() || r.hasError()) {
            return Optional.of(reason(r));
        }
        return Optional.empty();
    }

    private String reason(EthCall r) {
        String data = r.hasError() && r.getError().getData() != null ? r.getError().getData().toString() : r.getValue();
        String decoded = reverts.decode(data);
        if (decoded != null) {
            return decoded;
        }
        String message = r.getRevertReason() != null ? r.getRevertReason()
                : r.hasError() ? r.getError().getMessage() : null;
        if (message != null) {
            // Nodes that leave the data out name a custom error in the message: "custom error 0x<sel>: <args>".
            java.util.regex.Matcher m = CUSTOM_ERROR.matcher(message);
            if (m.find()) {
                String fromMessage = reverts.decode(m.group(1) + m.group(2));
                if (fromMessage != null) {
                    return fromMessage;
                }
            }
            return message;
        }
        return r.hasError() ? r.getError().getMessage() : "no reason given";
    }

    /** Signs a call (or, with a null {@code to}, a contract creation) with the next nonce. */
    Signed sign(String to, String data, BigInteger gasLimit) {
        if (nextNonce == null) {
            resyncNonce();
        }
        BigInteger gasPrice = send(web3j.ethGasPrice(), "eth_gasPrice").getGasPrice();
        RawTransaction tx = to == null
                ? RawTransaction.createContractTransaction(nextNonce, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nextNonce, gasPrice, gasLimit, to, data);
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, key));
        Signed s = new Signed(nextNonce, raw, Hash.sha3(raw));
        nextNonce = nextNonce.add(BigInteger.ONE);
        return s;
    }

    /** Forgets the local nonce; the next signature asks the node for the pending count. */
    void resyncNonce() {
        nextNonce = send(web3j.ethGetTransactionCount(sender(), DefaultBlockParameterName.PENDING),
                "eth_getTransactionCount").getTransactionCount();
    }

    /** Broadcasts a signed transaction; a node that already knows it is fine. */
    void broadcast(Signed s) {
        EthSendTransaction r;
        try {
            r = web3j.ethSendRawTransaction(s.raw()).send();
        } catch (IOException e) {
            throw new InvalidStateException("eth_sendRawTransaction " + s.hash() + ": " + e.getMessage(), e);
        }
        if (r.hasError()) {
            String m = r.getError().getMessage();
            if (m != null && (m.contains("already known") || m.contains("already imported"))) {
                return;
            }
            BigInteger balance = send(web3j.ethGetBalance(sender(), DefaultBlockParameterName.LATEST), "eth_getBalance")
                    .getBalance();
            throw InvalidStateException.of("transaction", s.hash(), "refused by the node: " + m + " (nonce "
                    + s.nonce() + ", sender " + sender() + " holds " + balance + " wei, gas price now "
                    + send(web3j.ethGasPrice(), "eth_gasPrice").getGasPrice() + ")");
        }
    }

    /** Returns whether the node knows a transaction (pending or mined). */
    boolean knows(String hash) {
        return send(web3j.ethGetTransactionByHash(hash), "eth_getTransactionByHash").getTransaction().isPresent();
    }

    /**
     * Sends a logged transaction again; a node that says its nonce is used has mined it or another with
     * that nonce, which the receipt lookup that follows tells apart.
     */
    void rebroadcast(Signed s) {
        try {
            broadcast(s);
        } catch (InvalidStateException e) {
            if (!e.getMessage().contains("nonce too low")) {
                throw e;
            }
        }
    }

    /** Returns the receipt's outcome if the transaction was mined. */
    Optional<Outcome> outcome(String hash) {
        Optional<TransactionReceipt> receipt =
                send(web3j.ethGetTransactionReceipt(hash), "eth_getTransactionReceipt").getTransactionReceipt();
        return receipt.map(this::outcome);
    }

    private Outcome outcome(TransactionReceipt r) {
        if (r.isStatusOK()) {
            return new Outcome(r.getTransactionHash(), true, r.getBlockNumber(), null);
        }
        return new Outcome(r.getTransactionHash(), false, r.getBlockNumber(), replayReason(r));
    }

    /** Replays a reverted transaction against the state before its block to read its revert data. */
    private String replayReason(TransactionReceipt r) {
        var tx = send(web3j.ethGetTransactionByHash(r.getTransactionHash()), "eth_getTransactionByHash")
                .getTransaction().orElse(null);
        if (tx == null || tx.getTo() == null) {
            return "reverted";
        }
        DefaultBlockParameter before = DefaultBlockParameter.valueOf(r.getBlockNumber().subtract(BigInteger.ONE));
        return simulate(tx.getTo(), tx.getInput(), before).orElse("reverted (not reproducible by a replay)");
    }

    /** Polls for the receipt every poll interval until the timeout. */
    Outcome await(String hash) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (true) {
            Optional<Outcome> o = outcome(hash);
            if (o.isPresent()) {
                return o.get();
            }
            if (System.nanoTime() > deadline) {
                throw InvalidStateException.of("transaction", hash, "has no receipt after " + receiptTimeout
                        + "; executing the intent again looks it up");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidStateException("interrupted while waiting for " + hash, e);
            }
        }
    }

    /** Signs, sends and waits; fails on a revert. Used for set-up transactions (deployments, registrations). */
    TransactionReceipt transact(String to, String data, BigInteger gasLimit) {
        Signed s = sign(to, data, gasLimit);
        broadcast(s);
        Outcome o = await(s.hash());
        if (!o.success()) {
            throw InvalidStateException.of("transaction", s.hash(), "reverted: " + o.revertReason());
        }
        return send(web3j.ethGetTransactionReceipt(s.hash()), "eth_getTransactionReceipt")
                .getTransactionReceipt().orElseThrow();
    }

    static <T extends Response<?>> T send(org.web3j.protocol.core.Request<?, T> request, String what) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new InvalidStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
