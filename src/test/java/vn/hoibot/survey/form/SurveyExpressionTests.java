package vn.hoibot.survey.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyExpressionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static final Map<String, String> ANSWERS = Map.of(
            "age", "34",
            "children", "2",
            "income", "3.5",
            "needs", "loan health digital",
            "married", "yes",
            "empty", "",
            "born", "1992-05-17",
            "phone", "0912345678");

    private static Expression.Env env(String self) {
        return new Expression.Env() {
            @Override
            public String answer(String name) {
                return ANSWERS.getOrDefault(name, "");
            }

            @Override
            public String self() {
                return self;
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }
        };
    }

    @ParameterizedTest(name = "{0} with . = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "${age} > 18                                  | '' | true",
            "${age} >= 34 and ${age} <= 34                | '' | true",
            "${age} < 18 or ${children} = 2               | '' | true",
            "${age} != 34                                 | '' | false",
            "${married} = 'yes'                           | '' | true",
            "${married} = \"no\"                          | '' | false",
            "not(${married} = 'yes')                      | '' | false",
            "selected(${needs}, 'loan')                   | '' | true",
            "selected(${needs}, 'job')                    | '' | false",
            "count-selected(${needs}) = 3                 | '' | true",
            "count-selected(${empty}) = 0                 | '' | true",
            "${empty} = ''                                | '' | true",
            "${empty} > 0                                 | '' | false",
            "${empty} < 0                                 | '' | false",
            "${unknown} = ''                              | '' | true",
            ". >= 0 and . <= 20                           | 7  | true",
            ". >= 0 and . <= 20                           | 21 | false",
            ". <= ${children}                             | 2  | true",
            ". + 1 = 3                                    | 2  | true",
            "${age} - ${children} * 2 = 30                | '' | true",
            "(${age} - ${children}) * 2 = 64              | '' | true",
            "${age} div 2 = 17                            | '' | true",
            "${age} mod 5 = 4                             | '' | true",
            "-${children} = -2                            | '' | true",
            "${income} > 3.25                             | '' | true",
            "string-length(.) <= 5                        | chị Lan | false",
            "string-length(.) = 4                         | Hòa! | true",
            "regex(., '^0[0-9]{9}$')                      | 0912345678 | true",
            "regex(., '^0[0-9]{9}$')                      | 091234 | false",
            "regex(${phone}, '^09')                       | '' | true",
            ". <= today()                                 | 2026-12-01 | true",
            ". <= today()                                 | 2026-12-02 | false",
            "${born} < today()                            | '' | true",
            "today() - ${born} > 365                      | '' | true",
            "true() and not(false())                      | '' | true",
            "1 = 1 and 2 = 3 or 4 = 4                     | '' | true",
            "1 = 1 and (2 = 3 or 4 = 5)                   | '' | false",
            "${married} = 'yes' and ${age} > 40           | '' | false",
    })
    void evaluatesTheTable(String expression, String self, boolean expected) {
        assertThat(Expression.parse(expression).test(env(self))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "''                          | survey.expr.empty              | 1",
            "${age} >                    | survey.expr.unexpected-end     | 9",
            "${age} > 18 18              | survey.expr.unexpected         | 13",
            "${age > 18                  | survey.expr.unclosed-reference | 1",
            "$age > 18                   | survey.expr.bad-reference      | 1",
            "${tuổi} > 18                | survey.expr.bad-reference-name | 1",
            "${age} # 18                 | survey.expr.unexpected-char    | 8",
            "selected(${needs})          | survey.expr.arity              | 1",
            "sum(${needs})               | survey.expr.unknown-function   | 1",
            "not(${a} = 1                | survey.expr.missing            | 13",
            "${a} = 'yes                 | survey.expr.unclosed-string    | 8",
            "regex(., '[0-9')            | survey.expr.bad-regex          | 10",
            "1.2.3 = 1                   | survey.expr.bad-number         | 1",
            "today(1)                    | survey.expr.arity              | 1",
            "(1 = 1                      | survey.expr.missing            | 7",
            "count-selected(${a} ${b})   | survey.expr.expected           | 21",
    })
    void namesTheProblemAndItsPosition(String expression, String key, int position) {
        assertThatThrownBy(() -> Expression.parse(expression))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @org.junit.jupiter.api.Test
    void listsTheQuestionsItReads() {
        Expression e = Expression.parse("selected(${needs}, 'loan') and ${age} > 18 or . < ${age}");
        assertThat(e.references()).containsExactly("needs", "age");
        assertThat(e.usesSelf()).isTrue();
        assertThat(Expression.parse("${age} > 1").usesSelf()).isFalse();
    }
}
