package io.rexian.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTests {

    @ParameterizedTest
    @CsvSource({
            "13812345678,        13812345678",
            "+8613812345678,     13812345678",
            "+86 138 1234 5678,  13812345678",
            "008613812345678,    13812345678",
            "8613812345678,      13812345678",
            "013812345678,       13812345678",
            "138-1234-5678,      13812345678",
            "１３８１２３４５６７８, 13812345678",
            "010-88887777,       01088887777",
            "+86 10 88887777,    01088887777",
            "0086 10 88887777,   01088887777",
            "01088887777,        01088887777",
            "0311-85551234,      031185551234",
            "96069,              96069",
            "'',                 ''"})
    void normalizesTheCommonWaysOfWritingANumber(String raw, String expected) {
        assertThat(PhoneNumbers.normalize(raw)).isEqualTo(expected);
    }
}
