import io.rexian.customer.CustomerLookup;
import io.rexian.customer.CustomerSettings;
import io.rexian.customer.internal.CustomerQuery;
import io.rexian.customer.internal.CustomerScope;
import io.rexian.customer.internal.CustomerSearch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer search on 1,000,000 customers: starts an embedded PostgreSQL configured like the
 * server's, applies the real migrations, loads customers with generate_series, then times the
 * real CustomerSearch and CustomerLookup code (p50/p95 over many different inputs).
 * Run with bench/customer-search/run.sh [customers] [iterations].
 */
public class CustomerSearchBench {

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Path.of("bench/customer-search/target/pg");
        deleteTree(dir);
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200").setServerConfig("shared_buffers", "256MB");
        boolean explain = System.getenv("BENCH_EXPLAIN") != null;
        try (EmbeddedPostgres pg = builder.start()) {
            // A pool like the server's: without one every query would pay for a new connection.
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(explain ? 2 : 4);
            if (explain) {
                // Connections that log the plan of every statement slower than 20 ms.
                pool.setConnectionInitSql("LOAD 'auto_explain'; SET auto_explain.log_min_duration = 20; "
                        + "SET auto_explain.log_analyze = on");
            }
            DataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
            JdbcClient jdbc = JdbcClient.create(ds);
            Flyway.configure().dataSource(ds).locations("filesystem:server/src/main/resources/db/migration")
                    .load().migrate();
            System.out.printf("PostgreSQL %s, lc_ctype=%s%n",
                    jdbc.sql("SHOW server_version").query(String.class).single(),
                    jdbc.sql("SHOW lc_ctype").query(String.class).single());
            load(jdbc, customers);
            if (System.getenv("BENCH_KEEP") != null) {
                // Leaves the loaded database running for psql/EXPLAIN until the process is stopped.
                System.out.println("Database kept running: psql -h localhost -p " + pg.getPort() + " -U postgres postgres");
                Thread.sleep(Long.MAX_VALUE);
            }

            Constructor<CustomerSearch> c = CustomerSearch.class.getDeclaredConstructor(JdbcClient.class);
            c.setAccessible(true);
            CustomerSearch search = c.newInstance(jdbc);
            CustomerScope.Visible all = new CustomerScope.Visible(true, List.of());
            CustomerScope.Visible team = new CustomerScope.Visible(false, List.of("东城区"));

            List<String> names = sample(jdbc, "SELECT name FROM customer", iterations);
            List<String> accounts = sample(jdbc, "SELECT account_no FROM customer", iterations);
            List<String> phones = sample(jdbc, "SELECT number FROM customer_phone", iterations);
            List<String> ids = sample(jdbc, "SELECT id_number FROM customer WHERE id_number IS NOT NULL", iterations);
            List<String[]> addresses = jdbc.sql("SELECT district, estate, building, room FROM customer TABLESAMPLE SYSTEM (1) LIMIT ?")
                    .param(iterations).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
            List<String> enterprises = sample(jdbc, "SELECT enterprise_name FROM customer WHERE enterprise_name IS NOT NULL", iterations);

            System.out.printf("%n%-58s %8s %8s %8s%n", "search (page of 20 + capped count)", "p50 ms", "p95 ms", "max ms");
            time("q = full name (2-3 chars, prefix)", iterations, i -> search.search(CustomerQuery.text(names.get(i)), all, 0, 20, 1000).items().size());
            time("q = surname + first given char (prefix)", iterations, i -> search.search(CustomerQuery.text(names.get(i).substring(0, 2)), all, 0, 20, 1000).items().size());
            time("q = account number", iterations, i -> search.search(CustomerQuery.text(accounts.get(i)), all, 0, 20, 1000).items().size());
            time("q = 7-digit phone fragment", iterations, i -> search.search(CustomerQuery.text(phones.get(i).substring(3, 10)), all, 0, 20, 1000).items().size());
            time("q = full phone with +86", iterations, i -> search.search(CustomerQuery.text("+86 " + phones.get(i)), all, 0, 20, 1000).items().size());
            time("q = 18-digit ID number", iterations, i -> search.search(CustomerQuery.text(ids.get(i)), all, 0, 20, 1000).items().size());
            time("q = enterprise name fragment (4 chars)", iterations, i -> search.search(CustomerQuery.text(enterprises.get(i).substring(2, 6)), all, 0, 20, 1000).items().size());
            time("address: district + estate + building + room", iterations, i -> {
                String[] a = addresses.get(i % addresses.size());
                return search.search(new CustomerQuery(null, null, null, null, null, a[0], a[1], a[2], null, a[3], null, null, null, null), all, 0, 20, 1000).items().size();
            });
            time("address: estate contains (4 chars)", iterations, i -> {
                String[] a = addresses.get(i % addresses.size());
                return search.search(new CustomerQuery(null, null, null, null, null, null, a[1], null, null, null, null, null, null, null), all, 0, 20, 1000).items().size();
            });
            time("scoped to one district: q = surname prefix", iterations, i -> search.search(CustomerQuery.text(names.get(i).substring(0, 2)), team, 0, 20, 1000).items().size());
            time("broad: one district, page " + 10 + " (count capped at 1000)", iterations, i -> search.search(new CustomerQuery(null, null, null, null, null, "东城区", null, null, null, null, null, null, null, null), all, 10, 20, 1000).items().size());

            Class<?> lookupClass = Class.forName("io.rexian.customer.internal.PhoneLookup");
            Constructor<?> lc = lookupClass.getDeclaredConstructor(JdbcClient.class, Clock.class, CustomerSettings.class);
            lc.setAccessible(true);
            CustomerLookup lookup = (CustomerLookup) lc.newInstance(jdbc, Clock.systemUTC(),
                    new CustomerSettings(10_000, Duration.ofMinutes(5), 20, 1000, 2000, 5000, true));
            // Entries that expire at once: every call runs the query.
            CustomerLookup uncached = (CustomerLookup) lc.newInstance(jdbc, Clock.systemUTC(),
                    new CustomerSettings(10_000, Duration.ZERO, 20, 1000, 2000, 5000, true));
            System.out.printf("%n%-58s %8s %8s %8s%n", "caller lookup", "p50 ms", "p95 ms", "max ms");
            time("CustomerLookup.byPhone(\"+86...\"), cache miss (query)", iterations, i -> uncached.byPhone("+86" + phones.get(i)).size());
            phones.forEach(lookup::byPhone); // fill the cache: the next lookups of these numbers are hits
            time("CustomerLookup.byPhone(\"0086...\"), repeated (cache)", iterations, i -> lookup.byPhone("0086" + phones.get(i)).size());
        }
    }

    static void load(JdbcClient jdbc, int n) {
        long t0 = System.nanoTime();
        // Drop the migration's indexes, load, and recreate exactly the same definitions.
        List<String> indexes = jdbc.sql("""
                SELECT indexdef FROM pg_indexes WHERE tablename IN ('customer', 'customer_phone')
                AND indexname NOT IN ('customer_pkey', 'customer_account_no_key', 'customer_phone_pkey')""")
                .query(String.class).list();
        for (String def : indexes) {
            jdbc.sql("DROP INDEX " + def.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2")).update();
        }
        jdbc.sql("""
                INSERT INTO customer (account_no, name, class_code, id_number, district, estate, building, unit, floor,
                    room, address_text, heated_area, meter_no, enterprise_name, custom_fields, version, created_at, updated_at)
                SELECT '3' || lpad(g::text, 9, '0'),
                       s.surname[1 + h1 % array_length(s.surname, 1)] || s.given[1 + h2 % array_length(s.given, 1)],
                       CASE WHEN h3 % 100 < 85 THEN 'RESIDENT' WHEN h3 % 100 < 92 THEN 'ENTERPRISE' WHEN h3 % 100 < 97 THEN 'VIP' ELSE 'GROUP' END,
                       CASE WHEN h3 % 100 < 85 THEN '1101' || lpad((h1 % 100000000)::text, 8, '0') || lpad((h2 % 1000000)::text, 6, '0') END,
                       s.district[1 + h1 % 8],
                       s.estate[1 + h2 % array_length(s.estate, 1)] || (1 + h3 % 40)::text || '期',
                       (1 + h1 % 30)::text || '号楼', (1 + h2 % 6)::text || '单元', (1 + h3 % 30)::text,
                       ((1 + h3 % 30) * 100 + 1 + h1 % 4)::text, NULL, 40 + h2 % 140,
                       'HM' || g,
                       CASE WHEN h3 % 100 >= 85 THEN s.word[1 + h1 % array_length(s.word, 1)] || s.word[1 + h2 % array_length(s.word, 1)]
                            || s.kind[1 + h3 % array_length(s.kind, 1)] END,
                       '{}'::jsonb, 0, now(), now()
                FROM generate_series(1, :n) g
                CROSS JOIN LATERAL (SELECT abs(hashint4(g)) AS h1, abs(hashint4(g * 7 + 3)) AS h2, abs(hashint4(g * 13 + 5)) AS h3) r
                CROSS JOIN (SELECT
                    string_to_array('王,李,张,刘,陈,杨,赵,黄,周,吴,徐,孙,胡,朱,高,林,何,郭,马,罗,梁,宋,郑,谢,韩,唐,冯,于,董,萧,程,曹,袁,邓,许,傅,沈,曾,彭,吕,欧阳,司马,诸葛', ',') AS surname,
                    string_to_array('伟,芳,娜,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀英,华,玉兰,桂英,建国,志强,海燕,国庆,淑珍,晓东,红梅,建华,文博,子涵,浩然,雨欣,佳怡,梓轩,一诺,欣怡,宇航', ',') AS given,
                    string_to_array('东城区,西城区,北城区,南城区,高新区,开发区,新城区,老城区', ',') AS district,
                    string_to_array('幸福家园,东湖花园,锦绣苑,阳光小区,西苑新村,金桥花园,翠湖园,和平里,北辰小区,龙泽苑,康居园,兴业家园,南湖佳苑,丽景花园,紫荆小区,滨河湾', ',') AS estate,
                    string_to_array('华泰,宏达,鑫源,恒通,瑞丰,金鼎,博远,盛世,天成,永信,汇丰,嘉禾', ',') AS word,
                    string_to_array('商贸有限公司,物业管理有限公司,餐饮有限公司,科技有限公司,机械厂,幼儿园', ',') AS kind) s""")
                .param("n", n).update();
        jdbc.sql("""
                INSERT INTO customer_phone (customer_id, position, number)
                SELECT id, 0, (ARRAY['138','139','137','136','135','150','186','188'])[1 + abs(hashint4(id::int)) % 8]
                              || lpad((abs(hashint4(id::int * 31 + 7)) % 100000000)::text, 8, '0') FROM customer
                UNION ALL
                SELECT id, 1, '0' || (ARRAY['10','311','21','22'])[1 + id % 4] || lpad((abs(hashint4(id::int * 17 + 1)) % 100000000)::text, 8, '0')
                FROM customer WHERE id % 3 = 0""").update();
        long loaded = System.nanoTime();
        for (String def : indexes) {
            jdbc.sql(def).update();
        }
        jdbc.sql("ANALYZE customer").update();
        jdbc.sql("ANALYZE customer_phone").update();
        System.out.printf("Loaded %,d customers (%,d phone numbers) in %.1f s, indexes built in %.1f s%n", n,
                jdbc.sql("SELECT count(*) FROM customer_phone").query(Long.class).single(),
                (loaded - t0) / 1e9, (System.nanoTime() - loaded) / 1e9);
    }

    static List<String> sample(JdbcClient jdbc, String sql, int n) {
        List<String> values = new ArrayList<>(jdbc.sql(sql + " ORDER BY random() LIMIT ?").param(n).query(String.class).list());
        while (values.size() < n) {
            values.add(values.get(values.size() % Math.max(1, values.size())));
        }
        return values;
    }

    static void time(String label, int iterations, IntFunction<Integer> run) {
        for (int i = 0; i < Math.min(20, iterations); i++) {
            run.apply(i); // warm-up: JIT and PostgreSQL buffers
        }
        double[] ms = new double[iterations];
        long found = 0;
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            found += run.apply(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-58s %8.2f %8.2f %8.2f   (%.1f rows/search)%n", label, ms[iterations / 2],
                ms[(int) Math.ceil(iterations * 0.95) - 1], ms[iterations - 1], (double) found / iterations);
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
