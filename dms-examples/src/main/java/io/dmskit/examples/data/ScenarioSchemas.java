package io.dmskit.examples.data;

import java.util.Objects;

/**
 * The two source schemas of the configuration guide: the shop's {@code ecommerce} schema and the
 * {@code market_intelligence_schema} its first task also selects. On servers the quickstart does not own, both
 * get a prefix so that an existing {@code ecommerce} database is never touched.
 *
 * @param ecommerce name of the shop schema
 * @param marketIntelligence name of the market-intelligence schema
 */
public record ScenarioSchemas(String ecommerce, String marketIntelligence) {

    /** The names the configuration guide uses. */
    public static final ScenarioSchemas GUIDE = new ScenarioSchemas("ecommerce", "market_intelligence_schema");

    /** Validates both names: lower-case letters, digits and underscores, starting with a letter. */
    public ScenarioSchemas {
        Objects.requireNonNull(ecommerce, "ecommerce");
        Objects.requireNonNull(marketIntelligence, "marketIntelligence");
        for (String name : new String[] {ecommerce, marketIntelligence}) {
            if (!name.matches("[a-z][a-z0-9_]{0,50}")) {
                throw new IllegalArgumentException("schema name '" + name
                        + "' must be lower-case letters, digits and underscores, starting with a letter");
            }
        }
        if (ecommerce.equals(marketIntelligence)) {
            throw new IllegalArgumentException("the two schemas must differ, both are '" + ecommerce + "'");
        }
    }

    /**
     * @param prefix e.g. {@code dmskit_}
     * @return the guide's names with the prefix
     */
    public static ScenarioSchemas withPrefix(String prefix) {
        return new ScenarioSchemas(prefix + GUIDE.ecommerce(), prefix + GUIDE.marketIntelligence());
    }
}
