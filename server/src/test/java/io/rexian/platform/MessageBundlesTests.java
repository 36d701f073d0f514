package io.rexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message exists in English and in Chinese, so no page shows a raw key. */
class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(strings = {"common", "identity", "customer", "workorder", "callcenter"})
    void englishAndChineseHaveTheSameKeys(String bundle) throws IOException {
        Set<String> english = keys("messages/" + bundle + ".properties");
        Set<String> chinese = keys("messages/" + bundle + "_zh_CN.properties");
        assertThat(chinese).as("keys missing in %s_zh_CN", bundle).containsAll(english);
        assertThat(english).as("keys missing in %s (English)", bundle).containsAll(chinese);
    }

    @ParameterizedTest
    @ValueSource(strings = {"common", "identity", "customer", "workorder", "callcenter"})
    void chineseMessagesAreTranslated(String bundle) throws IOException {
        Properties chinese = load("messages/" + bundle + "_zh_CN.properties");
        for (String key : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
    }

    private static Set<String> keys(String path) throws IOException {
        return new TreeSet<>(load(path).stringPropertyNames());
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
