package io.dmskit.examples;

import java.security.SecureRandom;

/**
 * The machine's database servers used by the tests, overridable by environment variables
 * ({@code DMSKIT_MYSQL_URL}, {@code DMSKIT_POSTGRES_URL}; JDBC URLs or the quickstart's {@code mariadb://} form),
 * and unique names so that tests can run twice and next to other tests on the same servers.
 */
public final class TestServers {

    private TestServers() {
    }

    /** @return the MariaDB/MySQL server, default {@code mariadb://root@127.0.0.1:3306} */
    public static String mariadb() {
        return env("DMSKIT_MYSQL_URL", "mariadb://root@127.0.0.1:3306");
    }

    /** @return the PostgreSQL server, default {@code postgresql://postgres@127.0.0.1:5432/test} */
    public static String postgres() {
        return env("DMSKIT_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test");
    }

    /**
     * @param stem a short name of the test class
     * @return a schema prefix unique to this run, e.g. {@code t_qs_k3j9x_}
     */
    public static String uniquePrefix(String stem) {
        return "t" + stem + Long.toString(Math.abs(new SecureRandom().nextLong()) % 60_466_176L, 36) + "_";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
