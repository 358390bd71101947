package clinic.smp.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedStatementTest {

    @Test
    void namesBecomePositionsAndRepeatedNamesShareOneValue() {
        NamedStatement statement = NamedStatement.parse("t", "select :a, :b_2, :a where x = :b_2");
        assertThat(statement.sql()).isEqualTo("select ?, ?, ? where x = ?");
        assertThat(statement.names()).containsExactly("a", "b_2");
    }

    @Test
    void castsLiteralsQuotedNamesAndCommentsAreNotParameters() {
        NamedStatement statement = NamedStatement.parse("t", """
                -- a comment with :not_a_parameter and an apostrophe's quote
                select cast(:a as text)::varchar, ':no', 'it''s :no', "col:no" from t -- :neither
                """);
        assertThat(statement.names()).containsExactly("a");
        assertThat(statement.sql()).isEqualTo("select cast(? as text)::varchar, ':no', 'it''s :no', \"col:no\" from t");
    }

    @Test
    void everyNameMustBeBoundAndOnlyItsOwnNames() {
        NamedStatement statement = NamedStatement.parse("t", "select :a, :b");
        NamedStatement.Parameters parameters = statement.parameters().text("a", "x");
        assertThatThrownBy(() -> parameters.bind(null)).hasMessageContaining(":b not bound");
        assertThatThrownBy(() -> parameters.text("c", "x")).hasMessageContaining("no parameter :c");
    }

    @Test
    void positionalParametersAreRefused() {
        assertThatThrownBy(() -> NamedStatement.parse("t", "select ?")).hasMessageContaining("name every parameter");
    }
}
