package io.fomo.evm;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.contract.ChainGatewayContract;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.PropertyDefaults;

/**
 * The EVM gateway passes the SPI's chain contract on anvil: every try deploys a fresh settlement, one
 * mint-once token per asset (its supply minted to the settlement as unissued), the real Uniswap v2 pair of
 * the pool's assets, and registers the accounts at fresh addresses. Fewer tries than in memory: each try
 * is tens of transactions.
 */
@PropertyDefaults(tries = 8)
class EvmChainGatewayContract implements ChainGatewayContract {

    @Override
    public ChainGateway newGateway() {
        EvmTestChain.Fixture f = new EvmTestChain.Fixture();
        Map<Asset, String> tokens = new HashMap<>();
        for (Amount supply : SUPPLIES) {
            tokens.put(supply.asset(), f.token(supply.asset(), supply.units()));
        }
        for (AccountId account : ACCOUNTS) {
            if (!account.equals(POOL)) {
                f.account(account);
            }
        }
        f.pool(POOL, tokens.get(POOL_ASSETS.get(0)), tokens.get(POOL_ASSETS.get(1)));
        return f.gateway();
    }
}
