package io.fomo.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.core.emission.Rate;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.core.rewards.RewardParams;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and validates scenario files (format {@value Scenario#FORMAT}, documented in docs/scenarios.md).
 * Every problem is a {@link ScenarioException} naming the file, the line and column, the JSON path and
 * what was expected; the protocol model's own checks (pricing, emission schedules, revenue weights) run
 * here too, so a scenario that parses is one the model accepts. Unknown fields are rejected, so a
 * misspelt optional field cannot be silently ignored.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ScenarioParser {

    /** The largest scenario file read, in bytes. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final int PPM_DECIMALS = 6;

    /** The top-level fields of the single-launch form, which a platform ({@code launches}) moves into its entries. */
    private static final List<String> SINGLE_LAUNCH_FIELDS = List.of("launch", "pricing", "supporters", "users",
            "stakers", "hardCostsUsdPerDay", "usageLog", "traders");

    /** The curve shapes of a scenario's {@code curve.type}. */
    private enum CurveType { CONSTANT_PRODUCT, LINEAR, EXPONENTIAL }

    private ScenarioParser() {
    }

    /** The launch field named at the start of a model error ("field = value: reason"). */
    static String launchField(String message) {
        String field = message == null ? "" : message;
        int eq = field.indexOf(" = ");
        field = eq < 0 ? "" : field.substring(0, eq);
        if (field.startsWith("allocation")) {
            return "allocation";
        }
        if (field.startsWith("raise")) {
            return "raiseSplit";
        }
        if (field.startsWith("vesting")) {
            return "vesting";
        }
        switch (field) {
            case "minTarget":
            case "maxTarget":
            case "launchFee":
            case "swapFeeBps":
            case "creatorFeeBps":
            case "totalSupply":
            case "firstBuy":
            case "poolFeeBps":
                return field;
            case "window":
                return "windowDays";
            case "startPrice":
            case "slope":
            case "rate":
            case "curve":
                return "curve";
            default:
                return null;
        }
    }

    /**
     * Reads a scenario file (UTF-8).
     *
     * @param file the file
     * @return the scenario
     * @throws ScenarioException if the file cannot be read or is not a valid scenario
     */
    public static Scenario parse(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException(name, 0, 0, "$", "expected a readable scenario file, found "
                        + (Files.exists(file) ? "something that is not a regular file" : "no such file"));
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioException(name, 0, 0, "$", "expected a file of at most " + MAX_FILE_BYTES
                        + " bytes, found " + Files.size(file));
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(name, 0, 0, "$", "expected UTF-8 text, found invalid bytes", e);
        } catch (IOException e) {
            throw new ScenarioException(name, 0, 0, "$", "cannot read the file: " + e, e);
        }
        return parse(name, text);
    }

    /**
     * Reads a scenario from text.
     *
     * @param fileName the name to use in messages
     * @param json     the scenario
     * @return the scenario
     * @throws ScenarioException if the text is not a valid scenario
     */
    public static Scenario parse(String fileName, String json) {
        java.util.Objects.requireNonNull(json, "json");
        if (json.length() > MAX_FILE_BYTES) {
            // The bound of a file holds for a text too; checked before any parsing (docs/limits.md).
            throw new ScenarioException(fileName, 0, 0, "$", "expected a scenario of at most " + MAX_FILE_BYTES
                    + " characters, found " + json.length());
        }
        SourceJson source = SourceJson.parse(fileName, json);
        return new Reader(JsonCursor.root(source)).scenario();
    }

    /** One parse: the root cursor and what earlier sections decided (days, the MT asset). */
    private static final class Reader {

        private final JsonCursor root;
        private int days;
        private Asset mt;

        Reader(JsonCursor root) {
            this.root = root;
        }

        Scenario scenario() {
            root.only("format", "name", "description", "days", "seed", "launch", "launches", "pricing", "supporters",
                    "users", "stakers", "lockers", "flockPrice", "hardCostsUsdPerDay", "emission", "alpha",
                    "revenueWeights", "usageLog", "traders");
            if (root.has("format")) {
                String format = root.string("format", "\"" + Scenario.FORMAT + "\"");
                if (!Scenario.FORMAT.equals(format)) {
                    throw root.error("format", "expected \"" + Scenario.FORMAT + "\", found " + Describe.quote(format));
                }
            }
            String name = root.string("name", "a name of 1 to 64 letters, digits, '.', '_' or '-'");
            if (!NAME.matcher(name).matches()) {
                throw root.error("name", "expected a name of 1 to 64 letters, digits, '.', '_' or '-' that starts "
                        + "with a letter or digit (it names the output folder), found " + Describe.quote(name));
            }
            String description = root.optString("description", "a string").orElse(null);
            days = root.integer("days", 1, Scenario.MAX_DAYS);
            long seed = root.longValue("seed", 0L);
            List<Launch> launches = new ArrayList<>();
            if (root.has("launches")) {
                for (String single : SINGLE_LAUNCH_FIELDS) {
                    if (root.has(single)) {
                        throw root.error(single, "expected either the single-launch form (\"launch\", \"pricing\", "
                                + "\"supporters\", ...) or \"launches\", not both; found \"" + single
                                + "\" beside \"launches\"");
                    }
                }
                List<JsonCursor> entries = root.objects("launches", true);
                if (entries.isEmpty()) {
                    throw root.error("launches", "expected at least one launch, found an empty array");
                }
                Map<DeploymentId, String> seen = new HashMap<>();
                for (JsonCursor e : entries) {
                    e.only("startDay", "launch", "pricing", "supporters", "users", "stakers", "hardCostsUsdPerDay", "traders");
                    int startDay = e.integer("startDay", 0, days - 1, 0);
                    Launch l = launch(e, name + "-" + launches.size(), startDay);
                    String previous = seen.put(l.deployment(), e.path());
                    if (previous != null) {
                        throw e.error("launch", "expected a deployment not launched before, found "
                                + Describe.quote(l.deployment().value()) + " (also at " + previous + ")");
                    }
                    launches.add(l);
                }
            } else {
                launches.add(launch(root, name, 0));
            }
            List<LockAction> lockers = new ArrayList<>();
            for (JsonCursor l : root.objects("lockers", false)) {
                l.only("account", "day", "flock", "lockDays");
                lockers.add(new LockAction(l.integer("day", 0, days - 1), account(l, "account"),
                        l.amount("flock", Asset.FLOCK, true), l.integer("lockDays", 1, 365)));
            }
            FlockPricePath price = flockPrice();
            EmissionSchedule emission = root.has("emission") ? schedule(root.object("emission"))
                    : EmissionSchedule.defaultFlock();
            BigDecimal alpha = root.has("alpha") ? root.decimal("alpha", "0.5", BigDecimal.ZERO, ONE, 18)
                    : RewardParams.DEFAULT_ALPHA;
            RevenueWeights weights = root.has("revenueWeights") ? revenueWeights(root.object("revenueWeights"))
                    : RevenueWeights.defaults();
            return new Scenario(root.source(), name, description, days, seed, launches, lockers, price, emission,
                    alpha, weights);
        }

        /**
         * One launch with what belongs to it: in the single-launch form the entry is the scenario's root, in a
         * platform one element of {@code launches}.
         */
        private Launch launch(JsonCursor entry, String defaultDeployment, int startDay) {
            JsonCursor c = entry.object("launch");
            c.only("deployment", "issuer", "launchFee", "minTarget", "maxTarget", "windowDays", "swapFeeBps",
                    "creatorFeeBps", "curve", "totalSupply", "allocation", "firstBuy", "raiseSplit", "vesting",
                    "poolFeeBps", "unsoldPolicy");
            String deploymentName = c.optString("deployment", "a deployment id").orElse(defaultDeployment);
            DeploymentId deployment = model(c, "deployment", () -> {
                DeploymentId id = DeploymentId.of(deploymentName);
                Asset.modelToken(id);
                return id;
            });
            mt = Asset.modelToken(deployment);
            AccountId issuer = c.has("issuer") ? account(c, "issuer") : AccountId.of("issuer");
            LaunchParameters parameters = launchParameters(c, deployment);
            Amount firstBuy = c.optAmount("firstBuy", Asset.FLOCK, true).orElse(Amount.zero(Asset.FLOCK));
            InferencePricing pricing = pricing(entry.object("pricing"));
            Supporters supporters = supporters(entry);
            UsageModel users = entry.has("users") ? users(entry.object("users")) : null;
            List<StakeAction> stakers = new ArrayList<>();
            for (JsonCursor s : entry.objects("stakers", false)) {
                s.only("account", "day", "mt");
                AccountId account = account(s, "account");
                int day = s.integer("day", 0, days - 1);
                Amount amount = s.amount("mt", mt, true);
                stakers.add(new StakeAction(day, account, amount));
            }
            Amount hardCosts = entry.optAmount("hardCostsUsdPerDay", Asset.USD, false).orElse(Amount.zero(Asset.USD));
            UsageLogSettings usageLog = null;
            if (entry.has("usageLog")) {
                if (users != null) {
                    throw entry.error("usageLog", "expected either \"users\" (synthetic usage) or \"usageLog\", not both");
                }
                usageLog = usageLog(entry.object("usageLog"), deployment);
            }
            Traders traders = entry.has("traders") ? traders(entry.object("traders"), deployment) : null;
            return new Launch(c.path(), deployment, issuer, startDay, parameters, pricing, firstBuy, supporters,
                    Optional.ofNullable(users), stakers, hardCosts, Optional.ofNullable(usageLog),
                    Optional.ofNullable(traders));
        }

        /** A launch's secondary-market behaviours; trader ids default to names of the deployment. */
        private Traders traders(JsonCursor c, DeploymentId deployment) {
            c.only("supporters", "tierUsers", "noise", "issuer", "slippageBps");
            Traders.ProfitTaking profit = null;
            if (c.has("supporters")) {
                JsonCursor s = c.object("supporters");
                s.only("profitMultiple", "shareBps", "probabilityBps");
                BigDecimal multiple = s.decimal("profitMultiple", "2", ONE, BigDecimal.valueOf(1_000_000), 18);
                int share = s.integer("shareBps", 1, Traders.BPS, 2_500);
                int probability = s.integer("probabilityBps", 0, Traders.BPS, 2_000);
                profit = model(s, null, () -> new Traders.ProfitTaking(multiple, share, probability));
            }
            Traders.TierUsers tier = null;
            if (c.has("tierUsers")) {
                JsonCursor t = c.object("tierUsers");
                t.only("count", "flock", "probabilityBps", "idPrefix");
                int count = t.integer("count", 1, Traders.MAX_TRADERS);
                Amount flock = t.amount("flock", Asset.FLOCK, true);
                int probability = t.integer("probabilityBps", 0, Traders.BPS, 500);
                String prefix = traderPrefix(t, deployment.value() + "-tier");
                tier = model(t, null, () -> new Traders.TierUsers(count, flock, probability, prefix));
            }
            Traders.Noise noise = null;
            if (c.has("noise")) {
                JsonCursor n = c.object("noise");
                n.only("count", "dailyFlock", "activityBps", "idPrefix");
                int count = n.integer("count", 1, Traders.MAX_TRADERS);
                Amount daily = n.amount("dailyFlock", Asset.FLOCK, true);
                int activity = n.integer("activityBps", 0, Traders.BPS, 5_000);
                String prefix = traderPrefix(n, deployment.value() + "-noise");
                noise = model(n, null, () -> new Traders.Noise(count, daily, activity, prefix));
            }
            if (tier != null && noise != null && tier.idPrefix().equals(noise.idPrefix())) {
                throw c.object("noise").error("idPrefix", "expected a prefix other than the tier users' "
                        + Describe.quote(tier.idPrefix()) + ", found the same");
            }
            Traders.IssuerSales issuer = null;
            if (c.has("issuer")) {
                JsonCursor i = c.object("issuer");
                i.only("everyDays", "shareBps");
                int every = i.integer("everyDays", 1, Scenario.MAX_DAYS, 30);
                int share = i.integer("shareBps", 0, Traders.BPS);
                issuer = model(i, null, () -> new Traders.IssuerSales(every, share));
            }
            int slippage = c.integer("slippageBps", 0, 5_000, 100);
            Traders.ProfitTaking p = profit;
            Traders.TierUsers t = tier;
            Traders.Noise n = noise;
            Traders.IssuerSales s = issuer;
            return model(c, null, () -> new Traders(Optional.ofNullable(p), Optional.ofNullable(t),
                    Optional.ofNullable(n), Optional.ofNullable(s), slippage));
        }

        private static String traderPrefix(JsonCursor c, String dflt) {
            String prefix = c.optString("idPrefix", "an account id prefix").orElse(dflt);
            model(c, "idPrefix", () -> AccountId.of(prefix + "-0"));
            return prefix;
        }

        /** Paths in {@code usageLog} are relative to the scenario file's folder. */
        private UsageLogSettings usageLog(JsonCursor c, DeploymentId deployment) {
            c.only("file", "format", "models", "user");
            Path base = Path.of(root.source().file()).toAbsolutePath().getParent();
            Path file = base.resolve(c.string("file", "the usage log's path"));
            if (!Files.isRegularFile(file)) {
                throw c.error("file", "expected a readable usage log, found no such file: " + file);
            }
            io.fomo.meter.UsageFormat format = null;
            if (c.has("format")) {
                String f = c.string("format", "openai, litellm or cloudevents");
                format = model(c, "format", () -> io.fomo.meter.UsageFormat.parse(f));
            }
            Path mapFile = base.resolve(c.string("models", "the model map's path"));
            io.fomo.meter.ModelMap map;
            try (java.io.InputStream in = Files.newInputStream(mapFile)) {
                map = io.fomo.meter.ModelMap.read(mapFile.toString(), in);
            } catch (IOException e) {
                throw c.error("models", "expected a readable model map, found: " + e);
            } catch (io.fomo.spi.InvalidArgumentException e) {
                throw c.error("models", "rejected: " + e.getMessage());
            }
            for (io.fomo.meter.ModelRoute r : map.routes().values()) {
                if (!r.deployment().equals(deployment)) {
                    throw c.error("models", "expected every model mapped to the scenario's deployment " + deployment
                            + ", found " + r.key() + " -> " + r.deployment());
                }
            }
            AccountId user = c.has("user") ? account(c, "user") : AccountId.of(io.fomo.meter.Meter.DEFAULT_USER);
            return new UsageLogSettings(file, format, map, user);
        }

        /** The launch object straight into the core's builder; each setter's rejection is located at its field. */
        private LaunchParameters launchParameters(JsonCursor c, DeploymentId deployment) {
            LaunchParameters.Builder b = LaunchParameters.builder(deployment);
            Amount min = c.amount("minTarget", Asset.FLOCK, true);
            Amount max = c.amount("maxTarget", Asset.FLOCK, true);
            if (max.isLessThan(min)) {
                throw c.error("maxTarget", "rejected by the model: maxTarget = " + max
                        + ": must not be below minTarget " + min);
            }
            b.minTarget(min).maxTarget(max);
            curve(c.object("curve"), b);
            c.optAmount("launchFee", Asset.FLOCK, false).ifPresent(v -> model(c, "launchFee", () -> b.launchFee(v)));
            c.optInteger("windowDays", 1, 365).ifPresent(d -> model(c, "windowDays", () -> b.window(Duration.ofDays(d))));
            c.optInteger("swapFeeBps", 0, 9_999).ifPresent(v -> model(c, "swapFeeBps", () -> b.swapFeeBps(v)));
            c.optInteger("creatorFeeBps", 0, 10_000).ifPresent(v -> model(c, "creatorFeeBps", () -> b.creatorFeeBps(v)));
            if (c.has("totalSupply")) {
                BigDecimal supply = c.decimal("totalSupply", "1000000");
                if (supply.signum() <= 0 || supply.stripTrailingZeros().scale() > 0
                        || supply.compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) {
                    throw c.error("totalSupply", "expected a whole number of tokens from 1 to 10^18, found "
                            + Describe.value(c.raw("totalSupply")));
                }
                model(c, "totalSupply", () -> b.totalSupply(supply.longValueExact()));
            }
            if (c.has("allocation")) {
                JsonCursor a = c.object("allocation");
                a.only("sale", "liquidity", "incentives", "issuer", "treasury");
                int sale = a.integer("sale", 0, 10_000);
                int liquidity = a.integer("liquidity", 0, 10_000);
                int incentives = a.integer("incentives", 0, 10_000);
                int iss = a.integer("issuer", 0, 10_000);
                int treasury = a.integer("treasury", 0, 10_000);
                model(c, "allocation", () -> b.allocationBps(sale, liquidity, incentives, iss, treasury));
            }
            if (c.has("raiseSplit")) {
                JsonCursor r = c.object("raiseSplit");
                r.only("liquidity", "hosting", "staking");
                int liquidity = r.integer("liquidity", 0, 10_000);
                int hosting = r.integer("hosting", 0, 10_000);
                int staking = r.integer("staking", 0, 10_000);
                model(c, "raiseSplit", () -> b.raiseSplitBps(liquidity, hosting, staking));
            }
            if (c.has("vesting")) {
                JsonCursor v = c.object("vesting");
                v.only("cliffDays", "durationDays");
                int cliff = v.integer("cliffDays", 0, Scenario.MAX_DAYS);
                int duration = v.integer("durationDays", 1, Scenario.MAX_DAYS);
                model(c, "vesting", () -> b.vesting(Duration.ofDays(cliff), Duration.ofDays(duration)));
            }
            c.optInteger("poolFeeBps", 0, 9_999).ifPresent(v -> model(c, "poolFeeBps", () -> b.poolFeeBps(v)));
            if (c.has("unsoldPolicy")) {
                UnsoldPolicy policy = c.enumValue("unsoldPolicy", UnsoldPolicy.class);
                b.unsoldPolicy(policy);
            }
            try {
                return b.build();
            } catch (InvalidArgumentException e) {
                String field = launchField(e.getMessage());
                String problem = "rejected by the model: " + e.getMessage();
                throw field == null ? c.source().error(c.path(), problem, e) : c.error(field, problem, e);
            }
        }

        private void curve(JsonCursor c, LaunchParameters.Builder b) {
            CurveType type = c.enumValue("type", CurveType.class);
            switch (type) {
                case CONSTANT_PRODUCT: {
                    c.only("type", "startPrice");
                    BigDecimal start = positive(c, "startPrice", "0.5");
                    model(c, "startPrice", () -> b.constantProductCurve(start));
                    break;
                }
                case LINEAR: {
                    c.only("type", "startPrice", "slope");
                    BigDecimal start = positive(c, "startPrice", "0.5");
                    BigDecimal slope = positive(c, "slope", "0.000001");
                    model(c, "slope", () -> b.linearCurve(start, slope));
                    break;
                }
                default: {
                    c.only("type", "startPrice", "rate");
                    BigDecimal start = positive(c, "startPrice", "0.5");
                    BigDecimal rate = positive(c, "rate", "0.000003");
                    model(c, "rate", () -> b.exponentialCurve(start, rate));
                    break;
                }
            }
        }

        private InferencePricing pricing(JsonCursor c) {
            c.only("listPrice", "floorPrice", "tiers");
            BigDecimal list = c.decimal("listPrice", "0.002");
            BigDecimal floor = c.decimal("floorPrice", "0.001");
            DiscountTiers tiers;
            if (c.has("tiers")) {
                DiscountTiers.Builder tb = DiscountTiers.builder(mt);
                for (JsonCursor t : c.objects("tiers", true)) {
                    t.only("minStake", "discountBps");
                    Amount minStake = t.amount("minStake", mt, false);
                    int discount = t.integer("discountBps", 0, 10_000);
                    model(t, null, () -> tb.tier(minStake, discount));
                }
                tiers = model(c, "tiers", tb::build);
            } else {
                tiers = DiscountTiers.defaults(mt);
            }
            return model(c, null, () -> InferencePricing.of(UnitPrice.of(Asset.USD, UnitPrice.DEFAULT_DECIMALS, list),
                    UnitPrice.of(Asset.USD, UnitPrice.DEFAULT_DECIMALS, floor), tiers));
        }

        private Supporters supporters(JsonCursor entry) {
            JsonCursor root = entry;
            JsonNode raw = root.raw("supporters");
            if (raw != null && raw.isObject()) {
                JsonCursor g = root.object("supporters");
                g.only("count", "totalFlock", "days", "idPrefix", "listed");
                int count = g.integer("count", 1, Supporters.Generated.MAX_COUNT);
                Amount total = g.amount("totalFlock", Asset.FLOCK, true);
                int buyDays = g.integer("days", 1, days);
                String prefix = g.optString("idPrefix", "an account id prefix").orElse("supporter");
                model(g, "idPrefix", () -> AccountId.of(prefix + "-0"));
                List<Supporters.Supporter> listed = listedSupporters(g, "listed", false);
                for (int i = 0; i < listed.size(); i++) {
                    if (UsageModel.isGeneratedId(prefix, listed.get(i).id().value())) {
                        throw g.source().error(SourceJson.element(SourceJson.child(g.path(), "listed"), i) + ".id",
                                "expected a supporter id that is not of the generated form " + prefix
                                        + "-<digits>, found " + Describe.quote(listed.get(i).id().value()));
                    }
                }
                return model(g, null, () -> new Supporters.Generated(count, total, buyDays, prefix, listed));
            }
            if (raw != null && !raw.isArray()) {
                throw root.error("supporters", "expected an array of {id, buys} or a generator object "
                        + "{count, totalFlock, days}, found " + Describe.value(raw));
            }
            return new Supporters.Listed(listedSupporters(root, "supporters", true));
        }

        private List<Supporters.Supporter> listedSupporters(JsonCursor parent, String key, boolean required) {
            List<Supporters.Supporter> list = new ArrayList<>();
            Map<AccountId, String> seen = new HashMap<>();
            for (JsonCursor s : parent.objects(key, required)) {
                s.only("id", "buys");
                AccountId id = account(s, "id");
                String previous = seen.put(id, s.path());
                if (previous != null) {
                    throw s.error("id", "expected a supporter id not used before, found " + Describe.quote(id.value())
                            + " (also at " + previous + ")");
                }
                List<Supporters.Buy> buys = new ArrayList<>();
                for (JsonCursor b : s.objects("buys", true)) {
                    b.only("day", "flock");
                    buys.add(new Supporters.Buy(b.integer("day", 0, days - 1), b.amount("flock", Asset.FLOCK, true)));
                }
                list.add(new Supporters.Supporter(id, buys));
            }
            return list;
        }

        private UsageModel users(JsonCursor c) {
            c.only("count", "dailySpendUsd", "activeProbability", "growthPerDay", "maxCount", "idPrefix", "whales");
            int count = c.integer("count", 0, UsageModel.MAX_USERS);
            JsonCursor spend = c.object("dailySpendUsd");
            spend.only("mean", "min", "max");
            Amount min;
            Amount max;
            if (spend.has("mean")) {
                if (spend.has("min") || spend.has("max")) {
                    throw spend.error("expected either {mean} or {min, max}, found both");
                }
                Amount mean = spend.amount("mean", Asset.USD, true);
                min = Amount.zero(Asset.USD);
                max = mean.multipliedBy(2);
            } else {
                min = spend.amount("min", Asset.USD, false);
                max = spend.amount("max", Asset.USD, true);
                if (max.isLessThan(min)) {
                    throw spend.error("max", "expected a maximum not below the minimum " + min.toPlainString()
                            + ", found " + max.toPlainString());
                }
            }
            int active = c.has("activeProbability") ? ppm(c, "activeProbability") : UsageModel.PPM;
            int growth = c.has("growthPerDay") ? ppm(c, "growthPerDay") : 0;
            int grownCap = (int) Math.max(count, Math.min(UsageModel.MAX_USERS, UsageModel.MAX_USER_DAYS / days));
            int maxCount = c.integer("maxCount", count, UsageModel.MAX_USERS, growth == 0 ? count : grownCap);
            if ((long) maxCount * days > UsageModel.MAX_USER_DAYS) {
                // The run's time and memory grow with users × days: bounded before anything runs.
                throw c.error(c.has("maxCount") ? "maxCount" : "count", "expected at most "
                        + UsageModel.MAX_USER_DAYS + " user-days (users × days), found " + maxCount + " × " + days);
            }
            String prefix = c.optString("idPrefix", "an account id prefix").orElse("user");
            model(c, "idPrefix", () -> AccountId.of(prefix + "-0"));
            List<UsageModel.Whale> whales = new ArrayList<>();
            Map<AccountId, String> seen = new HashMap<>();
            for (JsonCursor w : c.objects("whales", false)) {
                w.only("id", "dailySpendUsd", "fromDay", "toDay", "activeProbability");
                AccountId id = account(w, "id");
                if (UsageModel.isGeneratedId(prefix, id.value())) {
                    throw w.error("id", "expected a whale id that is not of the generated form " + prefix
                            + "-<digits>, found " + Describe.quote(id.value()));
                }
                String previous = seen.put(id, w.path());
                if (previous != null) {
                    throw w.error("id", "expected a whale id not used before, found " + Describe.quote(id.value())
                            + " (also at " + previous + ")");
                }
                Amount daily = w.amount("dailySpendUsd", Asset.USD, true);
                int from = w.integer("fromDay", 0, Scenario.MAX_DAYS - 1, 0);
                int to = w.integer("toDay", from, Scenario.MAX_DAYS - 1, Scenario.MAX_DAYS - 1);
                int whaleActive = w.has("activeProbability") ? ppm(w, "activeProbability") : UsageModel.PPM;
                whales.add(new UsageModel.Whale(id, daily, from, to, whaleActive));
            }
            return model(c, null, () -> new UsageModel(count, min, max, active, growth, maxCount, prefix, whales));
        }

        private FlockPricePath flockPrice() {
            JsonNode raw = root.raw("flockPrice");
            if (raw != null && raw.isObject()) {
                JsonCursor w = root.object("flockPrice");
                w.only("start", "dailyVolatilityBps", "dailyDriftBps", "floor");
                BigDecimal start = price(w, "start");
                int vol = w.integer("dailyVolatilityBps", 0, 5_000);
                int drift = w.integer("dailyDriftBps", -5_000, 5_000, 0);
                BigDecimal floor = w.has("floor") ? price(w, "floor") : FlockPricePath.MIN_PRICE;
                return model(w, "floor", () -> FlockPricePath.randomWalk(start, vol, drift, floor));
            }
            if (raw == null || !raw.isArray()) {
                throw root.error("flockPrice", "expected an array of {day, usd} points or a random walk object "
                        + "{start, dailyVolatilityBps}, found " + Describe.value(raw));
            }
            List<JsonCursor> entries = root.objects("flockPrice", true);
            if (entries.isEmpty()) {
                throw root.error("flockPrice", "expected at least one {day, usd} point, found an empty array");
            }
            List<FlockPricePath.Point> points = new ArrayList<>();
            int previous = -1;
            for (JsonCursor p : entries) {
                p.only("day", "usd");
                int day = p.integer("day", 0, Scenario.MAX_DAYS);
                if (points.isEmpty() && day != 0) {
                    throw p.error("day", "expected the first point at day 0, found " + day);
                }
                if (day <= previous) {
                    throw p.error("day", "expected a day after the previous point's day " + previous + ", found " + day);
                }
                previous = day;
                points.add(new FlockPricePath.Point(day, price(p, "usd")));
            }
            return FlockPricePath.piecewise(points);
        }

        private EmissionSchedule schedule(JsonCursor c) {
            EmissionSchedule.Kind kind = c.enumValue("type", EmissionSchedule.Kind.class);
            switch (kind) {
                case CONSTANT: {
                    c.only("type", "ratePerSecond", "ratePerDay");
                    Rate rate = rate(c, "ratePerSecond", "ratePerDay");
                    return model(c, null, () -> EmissionSchedule.constant(Asset.FLOCK, rate));
                }
                case LINEAR_TO_ZERO: {
                    c.only("type", "initialRatePerSecond", "initialRatePerDay", "duration", "durationDays");
                    Rate rate = rate(c, "initialRatePerSecond", "initialRatePerDay");
                    long duration = seconds(c, "duration", "durationDays");
                    return model(c, null, () -> EmissionSchedule.linearToZero(Asset.FLOCK, rate, duration));
                }
                case EXPONENTIAL: {
                    c.only("type", "initialRatePerSecond", "initialRatePerDay", "halfLife", "halfLifeDays");
                    Rate rate = rate(c, "initialRatePerSecond", "initialRatePerDay");
                    long halfLife = seconds(c, "halfLife", "halfLifeDays");
                    return model(c, null, () -> EmissionSchedule.exponential(Asset.FLOCK, rate, halfLife));
                }
                case HALVING: {
                    c.only("type", "initialRatePerSecond", "initialRatePerDay", "period", "periodDays");
                    Rate rate = rate(c, "initialRatePerSecond", "initialRatePerDay");
                    long period = seconds(c, "period", "periodDays");
                    return model(c, null, () -> EmissionSchedule.halving(Asset.FLOCK, rate, period));
                }
                case INTERVAL_DECREASE: {
                    c.only("type", "initialAmount", "decrease", "interval", "intervalDays", "start", "startDays");
                    BigDecimal initial = nonNegative(c, "initialAmount", "1000");
                    BigDecimal decrease = nonNegative(c, "decrease", "10");
                    long interval = seconds(c, "interval", "intervalDays");
                    long start = c.has("start") || c.has("startDays") ? seconds(c, "start", "startDays") : 0L;
                    return model(c, null,
                            () -> EmissionSchedule.intervalDecrease(Asset.FLOCK, initial, decrease, interval, start));
                }
                default: {
                    c.only("type", "points");
                    List<EmissionSchedule.TablePoint> points = new ArrayList<>();
                    for (JsonCursor p : c.objects("points", true)) {
                        p.only("at", "atDay", "ratePerSecond", "ratePerDay");
                        long at = p.has("at") || p.has("atDay") ? seconds(p, "at", "atDay") : 0L;
                        Rate rate = rate(p, "ratePerSecond", "ratePerDay");
                        points.add(model(p, null, () -> EmissionSchedule.TablePoint.of(at, rate)));
                    }
                    return model(c, "points", () -> EmissionSchedule.table(Asset.FLOCK, points));
                }
            }
        }

        private static Rate rate(JsonCursor c, String perSecond, String perDay) {
            if (c.has(perSecond) == c.has(perDay)) {
                throw c.error("expected exactly one of " + perSecond + " and " + perDay + ", found "
                        + (c.has(perSecond) ? "both" : "neither"));
            }
            if (c.has(perSecond)) {
                BigDecimal v = nonNegative(c, perSecond, "0.115");
                return model(c, perSecond, () -> Rate.of(perSecond, v, 1));
            }
            BigDecimal v = nonNegative(c, perDay, "10000");
            return model(c, perDay, () -> Rate.of(perDay, v, Rate.SECONDS_PER_DAY));
        }

        private static long seconds(JsonCursor c, String secondsKey, String daysKey) {
            if (c.has(secondsKey) == c.has(daysKey)) {
                throw c.error("expected exactly one of " + secondsKey + " (seconds) and " + daysKey + ", found "
                        + (c.has(secondsKey) ? "both" : "neither"));
            }
            if (c.has(secondsKey)) {
                long v = c.longValue(secondsKey, 0);
                if (v < 0) {
                    throw c.error(secondsKey, "expected a number of seconds, not negative, found " + v);
                }
                return v;
            }
            return c.integer(daysKey, 0, 100 * Scenario.MAX_DAYS) * Rate.SECONDS_PER_DAY;
        }

        private RevenueWeights revenueWeights(JsonCursor c) {
            c.only("mtBuyback", "flockBuyback", "treasury", "issuer");
            int mtBuyback = c.integer("mtBuyback", 0, 10_000);
            int flockBuyback = c.integer("flockBuyback", 0, 10_000);
            int treasury = c.integer("treasury", 0, 10_000);
            int issuer = c.integer("issuer", 0, 10_000);
            return model(c, null, () -> RevenueWeights.builder().mtBuybackBps(mtBuyback).flockBuybackBps(flockBuyback)
                    .treasuryBps(treasury).issuerBps(issuer).build());
        }

        private static AccountId account(JsonCursor c, String key) {
            String s = c.string(key, "an account id");
            return model(c, key, () -> AccountId.of(s));
        }

        private static BigDecimal positive(JsonCursor c, String key, String example) {
            BigDecimal v = c.decimal(key, example);
            if (v.signum() <= 0) {
                throw c.error(key, "expected a positive decimal such as \"" + example + "\", found " + v.toPlainString());
            }
            return v;
        }

        private static BigDecimal nonNegative(JsonCursor c, String key, String example) {
            BigDecimal v = c.decimal(key, example);
            if (v.signum() < 0) {
                throw c.error(key, "expected a decimal not below 0 such as \"" + example + "\", found "
                        + v.toPlainString());
            }
            return v;
        }

        private static BigDecimal price(JsonCursor c, String key) {
            return c.decimal(key, "0.25", FlockPricePath.MIN_PRICE, new BigDecimal("1000000000"), FlockPricePath.SCALE);
        }

        private static int ppm(JsonCursor c, String key) {
            return c.decimal(key, "0.5", BigDecimal.ZERO, ONE, PPM_DECIMALS).movePointRight(PPM_DECIMALS).intValueExact();
        }

        /** Runs a model constructor, turning its rejection into an error at the field (or the object when null). */
        private static <T> T model(JsonCursor c, String key, Supplier<T> build) {
            try {
                return build.get();
            } catch (ScenarioException e) {
                throw e;
            } catch (InvalidArgumentException e) {
                String problem = "rejected by the model: " + e.getMessage();
                throw key == null ? c.source().error(c.path(), problem, e) : c.error(key, problem, e);
            }
        }
    }
}
