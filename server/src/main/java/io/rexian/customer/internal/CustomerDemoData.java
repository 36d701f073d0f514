package io.rexian.customer.internal;

import io.rexian.customer.CustomerSettings;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a heating company's customers in 东城区, 西城区, 北城区 and 南城区 (the districts
 * identity's demo repair teams serve), with billing and some arrears. Generated from a fixed
 * seed, inserted in a few bulk statements, and skipped when already present.
 */
@Component
@ConditionalOnBooleanProperty("rexian.demo")
@Order(200)
class CustomerDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);

    static final String FIRST_ACCOUNT = "1000000001";
    static final String[] DISTRICTS = {"东城区", "西城区", "北城区", "南城区"};
    private static final String[][] ESTATES = {
            {"幸福家园", "东湖花园", "锦绣苑", "阳光小区"},
            {"西苑新村", "金桥花园", "翠湖园", "和平里"},
            {"北辰小区", "龙泽苑", "康居园", "兴业家园"},
            {"南湖佳苑", "丽景花园", "紫荆小区", "滨河湾"}};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "秀英", "华", "玉兰", "桂英", "建国", "志强", "海燕", "国庆", "淑珍", "晓东", "红梅",
            "建华", "文博", "子涵", "浩然", "雨欣", "佳怡"};
    private static final String[] ENTERPRISE_WORDS = {"华泰", "宏达", "鑫源", "恒通", "瑞丰", "金鼎", "博远", "盛世"};
    private static final String[] ENTERPRISE_KINDS = {"商贸有限公司", "物业管理有限公司", "餐饮有限公司", "科技有限公司"};
    private static final String[] PREFIXES = {"138", "139", "137", "136", "135", "150", "186", "188"};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CustomerSettings settings;

    CustomerDemoData(JdbcClient jdbc, Clock clock, CustomerSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE account_no = ?)").param(FIRST_ACCOUNT)
                .query(Boolean.class).single()) {
            return;
        }
        long started = System.nanoTime();
        int count = settings.demoCustomers();
        Random random = new Random(20261123L);
        Columns c = new Columns();
        for (int i = 1; i <= count; i++) {
            int d = random.nextInt(DISTRICTS.length);
            String estate = ESTATES[d][random.nextInt(4)];
            int floor = 1 + random.nextInt(18);
            String account = String.format("1%09d", i);
            int kind = random.nextInt(100);
            String cls = kind < 85 ? "RESIDENT" : kind < 92 ? "ENTERPRISE" : kind < 97 ? "VIP" : "GROUP";
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN[random.nextInt(GIVEN.length)];
            String enterprise = cls.equals("ENTERPRISE") || cls.equals("GROUP")
                    ? DISTRICTS[d].substring(0, 2) + ENTERPRISE_WORDS[random.nextInt(ENTERPRISE_WORDS.length)]
                    + ENTERPRISE_KINDS[random.nextInt(ENTERPRISE_KINDS.length)] : null;
            c.account.add(account);
            c.name.add(name);
            c.cls.add(cls);
            c.idNumber.add(enterprise == null ? idNumber(random) : null);
            c.district.add(DISTRICTS[d]);
            c.estate.add(estate);
            c.building.add((1 + random.nextInt(12)) + "号楼");
            c.unit.add((1 + random.nextInt(4)) + "单元");
            c.floor.add(String.valueOf(floor));
            c.room.add(String.valueOf(floor * 100 + 1 + random.nextInt(4)));
            c.area.add(BigDecimal.valueOf(4000 + random.nextInt(14000), 2).toPlainString());
            c.meter.add("HM" + (20000000 + i));
            c.enterprise.add(enterprise);
            c.phoneOwner.add(account);
            c.phonePosition.add(0);
            c.phone.add(mobile(random));
            if (random.nextInt(100) < 30) {
                c.phoneOwner.add(account);
                c.phonePosition.add(1);
                c.phone.add(mobile(random));
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO customer (account_no, name, class_code, id_number, district, estate, building, unit, floor,
                    room, heated_area, meter_no, enterprise_name, custom_fields, version, created_at, updated_at)
                SELECT t.a, t.n, t.c, t.i, t.d, t.e, t.b, t.u, t.f, t.r, CAST(t.h AS numeric), t.m, t.x, '{}'::jsonb, 0, :now, :now
                FROM unnest(CAST(:a AS text[]), CAST(:n AS text[]), CAST(:c AS text[]), CAST(:i AS text[]),
                    CAST(:d AS text[]), CAST(:e AS text[]), CAST(:b AS text[]), CAST(:u AS text[]), CAST(:f AS text[]),
                    CAST(:r AS text[]), CAST(:h AS text[]), CAST(:m AS text[]), CAST(:x AS text[]))
                    AS t(a, n, c, i, d, e, b, u, f, r, h, m, x)
                ON CONFLICT (account_no) DO NOTHING""")
                .param("a", arr(c.account)).param("n", arr(c.name)).param("c", arr(c.cls))
                .param("i", arr(c.idNumber)).param("d", arr(c.district)).param("e", arr(c.estate))
                .param("b", arr(c.building)).param("u", arr(c.unit)).param("f", arr(c.floor))
                .param("r", arr(c.room)).param("h", arr(c.area)).param("m", arr(c.meter))
                .param("x", arr(c.enterprise)).param("now", now)
                .update();
        jdbc.sql("""
                INSERT INTO customer_phone (customer_id, position, number)
                SELECT cu.id, t.p, t.n FROM unnest(CAST(:a AS text[]), CAST(:p AS smallint[]), CAST(:n AS text[])) AS t(a, p, n)
                JOIN customer cu ON cu.account_no = t.a
                ON CONFLICT DO NOTHING""")
                .param("a", arr(c.phoneOwner)).param("p", c.phonePosition.toArray(Integer[]::new))
                .param("n", arr(c.phone)).update();
        billing(c.account, random, now);
        log.info("Demo: {} customers seeded in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** Three monthly bills per account; about one account in seven has not paid the latest. */
    private void billing(List<String> accounts, Random random, Timestamp now) {
        YearMonth current = YearMonth.now(clock); // the clock carries the utility's time zone
        List<String> billAccount = new ArrayList<>();
        List<String> period = new ArrayList<>();
        List<String> amount = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        List<String> balance = new ArrayList<>();
        for (String account : accounts) {
            balance.add(BigDecimal.valueOf(random.nextInt(20000), 2).toPlainString());
            boolean owes = random.nextInt(7) == 0;
            for (int m = 3; m >= 1; m--) {
                BigDecimal due = BigDecimal.valueOf(30000 + random.nextInt(90000), 2);
                billAccount.add(account);
                period.add(current.minusMonths(m).toString());
                amount.add(due.toPlainString());
                paid.add(owes && m == 1 ? "0" : due.toPlainString());
            }
        }
        jdbc.sql("""
                INSERT INTO billing_account (account_no, balance, updated_at)
                SELECT t.a, CAST(t.b AS numeric), :now FROM unnest(CAST(:a AS text[]), CAST(:b AS text[])) AS t(a, b)
                ON CONFLICT DO NOTHING""")
                .param("a", arr(accounts)).param("b", arr(balance)).param("now", now).update();
        jdbc.sql("""
                INSERT INTO billing_bill (account_no, period, amount, paid, due_date)
                SELECT t.a, t.p, CAST(t.m AS numeric), CAST(t.d AS numeric), (CAST(t.p || '-01' AS date) + interval '1 month')::date
                FROM unnest(CAST(:a AS text[]), CAST(:p AS text[]), CAST(:m AS text[]), CAST(:d AS text[])) AS t(a, p, m, d)
                ON CONFLICT DO NOTHING""")
                .param("a", arr(billAccount)).param("p", arr(period)).param("m", arr(amount)).param("d", arr(paid))
                .update();
        jdbc.sql("""
                INSERT INTO billing_payment (account_no, paid_at, amount, channel)
                SELECT b.account_no, (CAST(b.period || '-20' AS date) + time '10:00') AT TIME ZONE :zone,
                       b.paid, CASE WHEN b.id % 3 = 0 THEN '微信' WHEN b.id % 3 = 1 THEN '银行代扣' ELSE '营业厅' END
                FROM billing_bill b WHERE b.account_no = ANY(CAST(:a AS text[])) AND b.paid > 0""")
                .param("a", arr(accounts)).param("zone", clock.getZone().getId()).update();
    }

    private static String mobile(Random random) {
        return PREFIXES[random.nextInt(PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    /** A well-formed 18-digit resident ID number (Beijing region code, birth date, check digit). */
    static String idNumber(Random random) {
        String body = "110101" + (1950 + random.nextInt(55)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String[] arr(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** Column arrays of the customers being generated. */
    private static final class Columns {
        final List<String> account = new ArrayList<>();
        final List<String> name = new ArrayList<>();
        final List<String> cls = new ArrayList<>();
        final List<String> idNumber = new ArrayList<>();
        final List<String> district = new ArrayList<>();
        final List<String> estate = new ArrayList<>();
        final List<String> building = new ArrayList<>();
        final List<String> unit = new ArrayList<>();
        final List<String> floor = new ArrayList<>();
        final List<String> room = new ArrayList<>();
        final List<String> area = new ArrayList<>();
        final List<String> meter = new ArrayList<>();
        final List<String> enterprise = new ArrayList<>();
        final List<String> phoneOwner = new ArrayList<>();
        final List<Integer> phonePosition = new ArrayList<>();
        final List<String> phone = new ArrayList<>();
    }
}
