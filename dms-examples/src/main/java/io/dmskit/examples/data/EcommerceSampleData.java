package io.dmskit.examples.data;

import io.dmskit.examples.source.SourceEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A deterministic e-commerce sample database: the same seed and scale give the same rows, byte for byte, on
 * MariaDB, MySQL and PostgreSQL. At scale 1 it holds about 31,000 rows: {@code customers} (2,000),
 * {@code products} (500), {@code orders} (6,000), {@code order_items} (about 15,000), {@code inventory} (1,500),
 * {@code reviews} (3,000) in the shop schema, and {@code competitor_prices} (2,000) and {@code market_trends}
 * (1,080) in the market-intelligence schema.
 *
 * <p>The values are realistic on purpose: NULLs, DECIMALs, dates and timestamps, accents, commas, apostrophes and
 * double quotes in text (things a CSV writer must escape), composite primary keys.
 */
public final class EcommerceSampleData {

    /** Default seed of the generator. */
    public static final long DEFAULT_SEED = 20260116L;
    private static final int BATCH = 500;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);

    private static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dmitri", "Emma", "François", "Grace", "Hiro",
        "Ingrid", "José", "Kai", "Léa", "Mohammed", "Nora", "Oliver", "Priya", "Quinn", "Rosa", "Sven", "Zoë"};
    private static final String[] LAST = {"Smith", "O'Brien", "Müller", "García", "Nguyen", "Kowalski", "Rossi",
        "Dubois", "Tanaka", "Johnson", "Silva", "Andersson", "Novák", "Hernández", "Wang", "D'Angelo"};
    private static final String[][] CITIES = {{"Seattle", "WA", "US"}, {"Austin", "TX", "US"},
        {"New York", "NY", "US"}, {"Toronto", "ON", "CA"}, {"London", "ENG", "GB"}, {"Paris", "IDF", "FR"},
        {"Berlin", "BE", "DE"}, {"São Paulo", "SP", "BR"}, {"Tokyo", "13", "JP"}, {"Sydney", "NSW", "AU"},
        {"Bengaluru", "KA", "IN"}, {"Zürich", "ZH", "CH"}};
    private static final String[] SEGMENTS = {"New", "Regular", "Premium", "VIP", "Churn-risk"};
    private static final String[] CATEGORIES = {"Electronics", "Books", "Home & Kitchen", "Toys", "Sports",
        "Beauty", "Garden", "Grocery", "Fashion", "Automotive", "Office", "Pets"};
    private static final String[] ADJECTIVES = {"Classic", "Smart", "Eco", "Ultra", "Compact", "Deluxe", "Pro",
        "Mini", "Vintage", "Wireless"};
    private static final String[] NOUNS = {"Lamp", "Kettle", "Backpack", "Headphones", "Notebook", "Chair",
        "Blender", "Drone", "Puzzle", "Jacket", "Bottle", "Speaker"};
    private static final String[] STATUSES = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED"};
    private static final String[] WAREHOUSES = {"SEA-1", "FRA-2", "SIN-3"};
    private static final String[] COMPETITORS = {"MegaMart", "ShopCo", "Bargain Barn", "Prime Goods"};
    private static final String[] TITLES = {"Great value", "Not as described", "Works, but \"meh\"",
        "Five stars, would buy again", "Arrived late, otherwise fine", "Love it!", "Quality could be better"};
    private static final String[] BODIES = {"Exactly what I needed; fast shipping.", "The colour is off, and the "
        + "box was damaged.", "My kids' favourite, 10/10.", "Does the job. Nothing more, nothing less.",
        "Returned it: the \"large\" size is small.", "Café-quality at home, très bien."};

    private final int scale;
    private final long seed;

    private EcommerceSampleData(int scale, long seed) {
        this.scale = scale;
        this.seed = seed;
    }

    /**
     * @param scale row multiplier, 1 gives about 31,000 rows (1 to 1000)
     * @param seed generator seed
     * @return a generator
     */
    public static EcommerceSampleData of(int scale, long seed) {
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be between 1 and 1000, was " + scale);
        }
        return new EcommerceSampleData(scale, seed);
    }

    /** @return the generator at scale 1 with the default seed */
    public static EcommerceSampleData standard() {
        return of(1, DEFAULT_SEED);
    }

    /** @return the row multiplier */
    public int scale() {
        return scale;
    }

    /** Names of the tables in the shop schema, in load order. */
    public static List<String> ecommerceTables() {
        return List.of("customers", "products", "orders", "order_items", "inventory", "reviews");
    }

    /** Names of the tables in the market-intelligence schema, in load order. */
    public static List<String> marketIntelligenceTables() {
        return List.of("competitor_prices", "market_trends");
    }

    /**
     * Drops and re-creates both schemas and fills them.
     *
     * @param dataSource a login that may create schemas and tables
     * @param engine the source engine (DDL dialect)
     * @param schemas the two schema names
     * @return rows written per table, keyed {@code schema.table}, in load order
     * @throws SQLException when the database refuses a statement
     */
    public Map<String, Long> load(DataSource dataSource, SourceEngine engine, ScenarioSchemas schemas)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            createSchemas(c, engine, schemas);
            c.setAutoCommit(false);
            Random random = new Random(seed);
            String e = schemas.ecommerce();
            String m = schemas.marketIntelligence();
            List<String> customerIds = insertCustomers(c, e, random, counts);
            List<BigDecimal> prices = insertProducts(c, e, random, counts);
            insertOrders(c, e, random, customerIds, prices, counts);
            insertInventory(c, e, random, prices.size(), counts);
            insertReviews(c, e, random, customerIds, prices.size(), counts);
            insertCompetitorPrices(c, m, random, prices, counts);
            insertMarketTrends(c, m, random, counts);
            c.commit();
        }
        return Collections.unmodifiableMap(counts);
    }

    private void createSchemas(Connection c, SourceEngine engine, ScenarioSchemas schemas) throws SQLException {
        boolean my = engine.isMySqlFamily();
        String ts = my ? "DATETIME(3)" : "TIMESTAMP(3)";
        String bool = my ? "BOOLEAN" : "BOOLEAN";
        String e = schemas.ecommerce();
        String m = schemas.marketIntelligence();
        List<String> ddl = new ArrayList<>();
        for (String s : new String[] {e, m}) {
            ddl.add(my ? "DROP DATABASE IF EXISTS " + s : "DROP SCHEMA IF EXISTS " + s + " CASCADE");
            ddl.add(my ? "CREATE DATABASE " + s + " CHARACTER SET utf8mb4" : "CREATE SCHEMA " + s);
        }
        ddl.add("CREATE TABLE " + e + ".customers (customer_id CHAR(36) NOT NULL PRIMARY KEY, "
                + "email VARCHAR(255) NOT NULL, first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, "
                + "phone VARCHAR(30), city VARCHAR(100), state VARCHAR(50), country CHAR(2) NOT NULL, "
                + "customer_segment VARCHAR(20), created_at " + ts + " NOT NULL)");
        ddl.add("CREATE TABLE " + e + ".products (product_id INT NOT NULL PRIMARY KEY, sku VARCHAR(32) NOT NULL, "
                + "name VARCHAR(200) NOT NULL, category VARCHAR(50) NOT NULL, price DECIMAL(10,2) NOT NULL, "
                + "active " + bool + " NOT NULL, created_at " + ts + " NOT NULL)");
        ddl.add("CREATE TABLE " + e + ".orders (order_id BIGINT NOT NULL PRIMARY KEY, "
                + "customer_id CHAR(36) NOT NULL, order_date " + ts + " NOT NULL, status VARCHAR(20) NOT NULL, "
                + "total_amount DECIMAL(12,2) NOT NULL, shipping_country CHAR(2) NOT NULL)");
        ddl.add("CREATE TABLE " + e + ".order_items (order_id BIGINT NOT NULL, line_number INT NOT NULL, "
                + "product_id INT NOT NULL, quantity INT NOT NULL, unit_price DECIMAL(10,2) NOT NULL, "
                + "PRIMARY KEY (order_id, line_number))");
        ddl.add("CREATE TABLE " + e + ".inventory (product_id INT NOT NULL, warehouse VARCHAR(20) NOT NULL, "
                + "quantity_on_hand INT NOT NULL, updated_at " + ts + " NOT NULL, "
                + "PRIMARY KEY (product_id, warehouse))");
        ddl.add("CREATE TABLE " + e + ".reviews (review_id BIGINT NOT NULL PRIMARY KEY, product_id INT NOT NULL, "
                + "customer_id CHAR(36) NOT NULL, rating SMALLINT NOT NULL, title VARCHAR(200), body TEXT, "
                + "created_at " + ts + " NOT NULL)");
        ddl.add("CREATE TABLE " + m + ".competitor_prices (observation_id BIGINT NOT NULL PRIMARY KEY, "
                + "product_id INT NOT NULL, competitor VARCHAR(50) NOT NULL, price DECIMAL(10,2) NOT NULL, "
                + "observed_on DATE NOT NULL)");
        ddl.add("CREATE TABLE " + m + ".market_trends (trend_date DATE NOT NULL, category VARCHAR(50) NOT NULL, "
                + "demand_index DECIMAL(8,3) NOT NULL, PRIMARY KEY (trend_date, category))");
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
    }

    private List<String> insertCustomers(Connection c, String schema, Random r, Map<String, Long> counts)
            throws SQLException {
        int n = 2000 * scale;
        List<String> ids = new ArrayList<>(n);
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".customers (customer_id, email, first_name, "
                + "last_name, phone, city, state, country, customer_segment, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 1; i <= n; i++) {
                String id = UUID.nameUUIDFromBytes(("customer-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                ids.add(id);
                String first = pick(r, FIRST);
                String last = pick(r, LAST);
                String[] city = pick(r, CITIES);
                PreparedStatement p = b.statement();
                p.setString(1, id);
                p.setString(2, ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + i + "@example.com");
                p.setString(3, first);
                p.setString(4, last);
                if (r.nextInt(10) == 0) {
                    p.setNull(5, Types.VARCHAR);
                } else {
                    p.setString(5, String.format("+1-555-%04d", r.nextInt(10000)));
                }
                p.setString(6, city[0]);
                p.setString(7, city[1]);
                p.setString(8, city[2]);
                p.setString(9, pick(r, SEGMENTS));
                p.setTimestamp(10, timestamp(r, 365));
                b.add();
            }
            counts.put(schema + ".customers", b.rows());
        }
        return ids;
    }

    private List<BigDecimal> insertProducts(Connection c, String schema, Random r, Map<String, Long> counts)
            throws SQLException {
        int n = 500 * scale;
        List<BigDecimal> prices = new ArrayList<>(n);
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".products (product_id, sku, name, category, price, "
                + "active, created_at) VALUES (?,?,?,?,?,?,?)")) {
            for (int i = 1; i <= n; i++) {
                BigDecimal price = money(r, 2, 500);
                prices.add(price);
                PreparedStatement p = b.statement();
                p.setInt(1, i);
                p.setString(2, String.format("SKU-%06d", i));
                p.setString(3, pick(r, ADJECTIVES) + " " + pick(r, NOUNS) + ", " + (r.nextInt(5) + 1) + "-pack");
                p.setString(4, pick(r, CATEGORIES));
                p.setBigDecimal(5, price);
                p.setBoolean(6, r.nextInt(20) != 0);
                p.setTimestamp(7, timestamp(r, 400));
                b.add();
            }
            counts.put(schema + ".products", b.rows());
        }
        return prices;
    }

    private void insertOrders(Connection c, String schema, Random r, List<String> customers,
            List<BigDecimal> prices, Map<String, Long> counts) throws SQLException {
        int n = 6000 * scale;
        try (Batch orders = new Batch(c, "INSERT INTO " + schema + ".orders (order_id, customer_id, order_date, "
                + "status, total_amount, shipping_country) VALUES (?,?,?,?,?,?)");
                Batch items = new Batch(c, "INSERT INTO " + schema + ".order_items (order_id, line_number, "
                        + "product_id, quantity, unit_price) VALUES (?,?,?,?,?)")) {
            for (long id = 100_001; id < 100_001 + n; id++) {
                int lines = 1 + r.nextInt(4);
                BigDecimal total = BigDecimal.ZERO;
                for (int line = 1; line <= lines; line++) {
                    int product = 1 + r.nextInt(prices.size());
                    int quantity = 1 + r.nextInt(5);
                    BigDecimal unit = prices.get(product - 1);
                    total = total.add(unit.multiply(BigDecimal.valueOf(quantity)));
                    PreparedStatement p = items.statement();
                    p.setLong(1, id);
                    p.setInt(2, line);
                    p.setInt(3, product);
                    p.setInt(4, quantity);
                    p.setBigDecimal(5, unit);
                    items.add();
                }
                PreparedStatement p = orders.statement();
                p.setLong(1, id);
                p.setString(2, customers.get(r.nextInt(customers.size())));
                p.setTimestamp(3, timestamp(r, 365));
                p.setString(4, pick(r, STATUSES));
                p.setBigDecimal(5, total);
                p.setString(6, pick(r, CITIES)[2]);
                orders.add();
            }
            orders.flush(); // orders before their items, for readers that check
            counts.put(schema + ".orders", orders.rows());
            items.flush();
            counts.put(schema + ".order_items", items.rows());
        }
    }

    private void insertInventory(Connection c, String schema, Random r, int products, Map<String, Long> counts)
            throws SQLException {
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".inventory (product_id, warehouse, "
                + "quantity_on_hand, updated_at) VALUES (?,?,?,?)")) {
            for (int product = 1; product <= products; product++) {
                for (String warehouse : WAREHOUSES) {
                    PreparedStatement p = b.statement();
                    p.setInt(1, product);
                    p.setString(2, warehouse);
                    p.setInt(3, r.nextInt(1000));
                    p.setTimestamp(4, timestamp(r, 30));
                    b.add();
                }
            }
            counts.put(schema + ".inventory", b.rows());
        }
    }

    private void insertReviews(Connection c, String schema, Random r, List<String> customers, int products,
            Map<String, Long> counts) throws SQLException {
        int n = 3000 * scale;
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".reviews (review_id, product_id, customer_id, "
                + "rating, title, body, created_at) VALUES (?,?,?,?,?,?,?)")) {
            for (long id = 1; id <= n; id++) {
                PreparedStatement p = b.statement();
                p.setLong(1, id);
                p.setInt(2, 1 + r.nextInt(products));
                p.setString(3, customers.get(r.nextInt(customers.size())));
                p.setInt(4, 1 + r.nextInt(5));
                p.setString(5, pick(r, TITLES));
                if (r.nextInt(8) == 0) {
                    p.setNull(6, Types.VARCHAR);
                } else {
                    p.setString(6, pick(r, BODIES));
                }
                p.setTimestamp(7, timestamp(r, 365));
                b.add();
            }
            counts.put(schema + ".reviews", b.rows());
        }
    }

    private void insertCompetitorPrices(Connection c, String schema, Random r, List<BigDecimal> prices,
            Map<String, Long> counts) throws SQLException {
        int n = 2000 * scale;
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".competitor_prices (observation_id, product_id, "
                + "competitor, price, observed_on) VALUES (?,?,?,?,?)")) {
            for (long id = 1; id <= n; id++) {
                int product = 1 + r.nextInt(prices.size());
                BigDecimal factor = BigDecimal.valueOf(80 + r.nextInt(41)).movePointLeft(2);
                PreparedStatement p = b.statement();
                p.setLong(1, id);
                p.setInt(2, product);
                p.setString(3, pick(r, COMPETITORS));
                p.setBigDecimal(4, prices.get(product - 1).multiply(factor).setScale(2, RoundingMode.HALF_UP));
                p.setDate(5, Date.valueOf(EPOCH.toLocalDate().plusDays(r.nextInt(365))));
                b.add();
            }
            counts.put(schema + ".competitor_prices", b.rows());
        }
    }

    private void insertMarketTrends(Connection c, String schema, Random r, Map<String, Long> counts)
            throws SQLException {
        int days = 90 * scale;
        try (Batch b = new Batch(c, "INSERT INTO " + schema + ".market_trends (trend_date, category, "
                + "demand_index) VALUES (?,?,?)")) {
            LocalDate start = EPOCH.toLocalDate();
            for (int d = 0; d < days; d++) {
                for (String category : CATEGORIES) {
                    PreparedStatement p = b.statement();
                    p.setDate(1, Date.valueOf(start.plusDays(d)));
                    p.setString(2, category);
                    p.setBigDecimal(3, BigDecimal.valueOf(50_000 + r.nextInt(100_000)).movePointLeft(3));
                    b.add();
                }
            }
            counts.put(schema + ".market_trends", b.rows());
        }
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal money(Random r, int min, int max) {
        return BigDecimal.valueOf(min * 100L + r.nextInt((max - min) * 100)).movePointLeft(2);
    }

    private static Timestamp timestamp(Random r, int days) {
        return Timestamp.valueOf(EPOCH.plusSeconds((long) r.nextInt(days * 86_400)).plusNanos(r.nextInt(1000)
                * 1_000_000L));
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }

    /** A prepared statement executed in batches of {@value #BATCH} rows. */
    private static final class Batch implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private int pending;
        private long rows;

        Batch(Connection connection, String sql) throws SQLException {
            this.connection = connection;
            this.statement = connection.prepareStatement(sql);
        }

        PreparedStatement statement() {
            return statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            pending++;
            rows++;
            if (pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                connection.commit();
                pending = 0;
            }
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                statement.close();
            }
        }
    }
}
