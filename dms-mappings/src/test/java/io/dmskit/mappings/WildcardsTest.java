package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardsTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
        "%|anything|true",
        "%|''|true",
        "DMS%|DMS_TABLE|true",
        "DMS%|dms_table|false",
        "%_log|audit_log|true",
        "%_log|log|false",
        "act_hi_%|act_hi_procinst|true",
        "act_hi_%|actXhiYproc|true",
        "test_%|testX1|true",
        "test[_]%|test_1|true",
        "test[_]%|testX1|false",
        "t_st|test|true",
        "t_st|tst|false",
        "t_st|teest|false",
        "[ab]%|apple|true",
        "[ab]%|banana|true",
        "[ab]%|cherry|false",
        "tbl[a-d]|tblc|true",
        "tbl[a-d]|tble|false",
        "tbl[0-9][0-9]|tbl42|true",
        "tbl[0-9][0-9]|tbl4x|false",
        "a%b%c|aXXbYYc|true",
        "a%b%c|aXXcYYb|false",
        "exact|exact|true",
        "exact|exactly|false",
        "Exact|exact|false",
        "[unclosed|[unclosed|true",
        "50[%]|50%|true",
        "50[%]|500|false",
    })
    void matchesLikeDms(String pattern, String name, boolean expected) {
        assertThat(Wildcards.matches(pattern, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "with escape #: \"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
        "TEST#_T%|TEST_TABLE|true",
        "TEST#_T%|TESTXTABLE|false",
        "A#%|A%|true",
        "A#%|AB|false",
    })
    void escapeCharacter(String pattern, String name, boolean expected) {
        assertThat(Wildcards.matches(pattern, name, '#')).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"%,true", "a_b,true", "[ab],true", "plain,false", "with space,false"})
    void detectsWildcards(String pattern, boolean expected) {
        assertThat(Wildcards.hasWildcard(pattern)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "literal(\"{0}\") is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "ecommerce|ecommerce",
        "market_intelligence_schema|market[_]intelligence[_]schema",
        "50%_off|50[%][_]off",
        "a[b]c|a[[]b]c",
        "[%_]|[[][%][_]]",
        "''|''",
    })
    void literalEscapesEveryWildcardCharacter(String name, String expected) {
        assertThat(Wildcards.literal(name)).isEqualTo(expected);
        assertThat(Wildcards.matches(expected, name)).isTrue();
    }
}
