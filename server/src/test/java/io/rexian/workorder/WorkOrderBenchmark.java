package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, run by bench/workorder/run.sh (skipped in the normal build):
 * <ol>
 *   <li>lifecycle throughput: concurrent clients drive work orders through create, transfer,
 *       accept, progress, reply and answer over HTTP with bearer tokens;</li>
 *   <li>search latency: 1,000,000 work orders bulk-inserted, then typical filtered searches
 *       through {@link WorkOrderSearch} (the same SQL as the API), p50/p95 of repeated runs.</li>
 * </ol>
 * Sizes: -Drexian.bench.rows (default 1000000), -Drexian.bench.lifecycles (400), -Drexian.bench.clients (8).
 */
@EnabledIfSystemProperty(named = "rexian.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rexian.identity.initial-admin-password=", "rexian.workorder.scan-interval=1000h",
                "logging.level.root=WARN"})
class WorkOrderBenchmark {

    @Value("${local.server.port}") int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderSearch search;

    @Test
    void lifecycleThroughputAndSearchLatency() throws Exception {
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam("基准维修班", "东城区");
        CurrentUser agent = users.withRoles("bench-agent", null, "AGENT");
        CurrentUser lead = users.withRoles("bench-lead", team, "REPAIR_LEAD");
        lifecycles(users.bearer(agent), users.bearer(lead), team);
        searches(agent, lead, team);
    }

    private void lifecycles(String agentToken, String leadToken, long team) throws Exception {
        int total = Integer.getInteger("rexian.bench.lifecycles", 400);
        int clients = Integer.getInteger("rexian.bench.clients", 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < 20; i++) { // warm-up
            oneLifecycle(http, agentToken, leadToken, team, i);
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        oneLifecycle(http, agentToken, leadToken, team, n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH lifecycle: %d work orders x 6 API calls with %d clients in %.1f s = %.1f lifecycles/s, %.0f actions/s%n",
                total, clients, seconds, total / seconds, total * 6 / seconds);
    }

    private void oneLifecycle(HttpClient http, String agent, String lead, long team, int n) throws Exception {
        String created = call(http, agent, "/api/v1/work-orders", """
                {"typeCode":"REPAIR","priority":"NORMAL","channel":"PHONE","contactPhone":"1380000%04d",
                 "address":"东城区基准路%d号","description":"暖气不热"}""".formatted(n % 10000, n), 201);
        long id = number(created, "id");
        String body = call(http, agent, "/api/v1/work-orders/" + id + "/transfer",
                "{\"version\":%d,\"teamId\":%d,\"reason\":\"辖区\"}".formatted(number(created, "version"), team), 200);
        body = call(http, lead, "/api/v1/work-orders/" + id + "/accept", "{\"version\":%d}".formatted(number(body, "version")), 200);
        body = call(http, lead, "/api/v1/work-orders/" + id + "/progress",
                "{\"version\":%d,\"step\":\"ON_SITE\",\"note\":\"到场\"}".formatted(number(body, "version")), 200);
        body = call(http, lead, "/api/v1/work-orders/" + id + "/reply",
                "{\"version\":%d,\"note\":\"已修复\"}".formatted(number(body, "version")), 200);
        call(http, agent, "/api/v1/work-orders/" + id + "/answer",
                "{\"version\":%d,\"note\":\"已办结\"}".formatted(number(body, "version")), 200);
    }

    private String call(HttpClient http, String token, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private void searches(CurrentUser agent, CurrentUser lead, long team) {
        int rows = Integer.getInteger("rexian.bench.rows", 1_000_000);
        long started = System.nanoTime();
        long workflow = jdbc.sql("select id from wo_workflow where type_code = 'REPAIR' order by version desc limit 1").query(Long.class).single();
        long category = jdbc.sql("insert into wo_category (name) values ('基准分类') returning id").query(Long.class).single();
        long child = jdbc.sql("insert into wo_category (parent_id, name) values (?, '基准子类') returning id").param(category).query(Long.class).single();
        jdbc.sql("""
                insert into work_order (number, type_code, workflow_id, state, priority, channel, customer_name,
                  customer_class, contact_phone, address, category_id, description, team_id, custom_fields,
                  received_at, closed_at, overdue, callback_result, created_by, updated_at, updated_by)
                select 'B' || lpad(g::text, 9, '0'),
                       (array['REPAIR','COMPLAINT','CONSULTATION','SUGGESTION','REPORT'])[1 + g % 5], ?,
                       (array['REGISTERED','TRANSFERRED','ACCEPTED','IN_PROGRESS','REPLIED','CLOSED','CLOSED','CLOSED'])[1 + g % 8],
                       'NORMAL', 'PHONE', '居民' || (g % 50000),
                       (array['RESIDENT','RESIDENT','ENTERPRISE'])[1 + g % 3],
                       '139' || lpad((g % 100000000)::text, 8, '0'),
                       (array['东城区','西城区','北城区','南城区'])[1 + g % 4] || '幸福路' || (g % 997) || '号' || (g % 7) || '单元',
                       case when g % 3 = 0 then ? else ? end, '暖气不热',
                       case when g % 10 = 0 then ? else 1000000 + g % 9 end,
                       case when g % 20 = 0 then jsonb_build_object('floor', g % 30, 'heating', (array['集中供暖','自采暖'])[1 + (g / 20) % 2]) else '{}'::jsonb end,
                       now() - (g % 525600) * interval '1 minute',
                       case when g % 8 >= 5 then now() - (g % 525600) * interval '1 minute' + interval '5 hours' end,
                       g % 13 = 0,
                       case when g % 8 >= 5 and g % 3 = 0 then (array['SATISFIED','UNSATISFIED'])[1 + (g / 4) % 2] end,
                       'bench', now(), 'bench'
                from generate_series(1, ?) g""")
                .params(workflow, category, child, team, rows).update();
        jdbc.sql("insert into work_order_team (work_order_id, team_id) select id, team_id from work_order where team_id is not null on conflict do nothing").update();
        jdbc.sql("analyze work_order").update();
        jdbc.sql("analyze work_order_team").update();
        System.out.printf("BENCH search: inserted %d work orders in %.0f s%n", rows, (System.nanoTime() - started) / 1e9);

        Instant now = Instant.now();
        Map<String, WorkOrderQuery> queries = new LinkedHashMap<>();
        queries.put("first page, no filter", q(null, null, null, null, null, null, null, null, Map.of()));
        queries.put("type + state", q("REPAIR", "TRANSFERRED", null, null, null, null, null, null, Map.of()));
        queries.put("category subtree + last 30 days", q(null, null, category, now.minus(Duration.ofDays(30)), null, null, null, null, Map.of()));
        queries.put("team + overdue", q(null, null, null, null, team, true, null, null, Map.of()));
        queries.put("callback result unsatisfied", q(null, null, null, null, null, null, "UNSATISFIED", null, Map.of()));
        queries.put("phone number", q(null, null, null, null, null, null, null, "13900012345", Map.of()));
        queries.put("address fragment", q(null, null, null, null, null, null, null, "幸福路996号", Map.of()));
        queries.put("custom field heating=自采暖", q(null, null, null, null, null, null, null, null, Map.of("heating", "自采暖")));
        queries.put("page 50 of a type", new WorkOrderQuery("COMPLAINT", null, null, null, null, null, null, null, null, null, null, Map.of(), 49, 20));
        for (Map.Entry<String, WorkOrderQuery> e : queries.entrySet()) {
            report(e.getKey() + " (agent)", e.getValue(), agent);
        }
        report("field lead: his team's work orders", q(null, null, null, null, null, null, null, null, Map.of()), lead);
    }

    private void report(String name, WorkOrderQuery q, CurrentUser user) {
        for (int i = 0; i < 3; i++) {
            search.search(q, user);
        }
        List<Double> ms = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            total = search.search(q, user).total();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("BENCH search %-45s p50 %7.1f ms  p95 %7.1f ms  (matches %s)%n", name, ms.get(9), ms.get(18),
                total >= WorkOrderSearch.COUNT_LIMIT ? ">= " + WorkOrderSearch.COUNT_LIMIT : total);
    }

    private static WorkOrderQuery q(String type, String state, Long category, Instant from, Long team, Boolean overdue,
                                    String callbackResult, String text, Map<String, String> custom) {
        return new WorkOrderQuery(type, null, category, from, null, state, team, overdue, callbackResult, null, text,
                custom, 0, 20);
    }
}
