package clinic.smp.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.lead.LeadSearch.Kind;

/** What a typed search is read as (plain JUnit: no service). */
class LeadSearchParseTest {

    private final ContactNormalizer contacts = new ContactNormalizer("GB");

    private LeadSearch parse(String q) {
        return LeadSearch.parse(q, contacts::phoneKey);
    }

    @Test
    void eachKindOfKey() {
        assertThat(parse("Alex@Bücher.Example")).isEqualTo(new LeadSearch(Kind.EMAIL,
                List.of("alex@xn--bcher-kva.example")));
        assertThat(parse("e7kq m3wt d")).isEqualTo(new LeadSearch(Kind.REFERENCE, List.of("E-7KQM-3WTD")));
        assertThat(parse("7KQM-3WTD")).isEqualTo(new LeadSearch(Kind.REFERENCE,
                List.of("E-7KQM-3WTD", "A-7KQM-3WTD")));
        assertThat(parse("(07400) 123-456")).isEqualTo(new LeadSearch(Kind.PHONE, List.of("+447400123456")));
        assertThat(parse("+1 415 555 2671")).isEqualTo(new LeadSearch(Kind.PHONE, List.of("+14155552671")));
        assertThat(parse("  Mor ")).isEqualTo(new LeadSearch(Kind.NAME_PREFIX, List.of("Mor")));
        assertThat(parse("   ")).isNull();
        assertThat(parse(null)).isNull();
    }

    @Test
    void wordsThatLookLikeAReferenceButHaveNoDigitAreNames() {
        assertThat(parse("Beaumarchais").kind()).isEqualTo(Kind.NAME_PREFIX);
        assertThat(parse("HAWTHORNE").kind()).isEqualTo(Kind.NAME_PREFIX);
    }

    @Test
    void aNamePrefixIsMatchedLiterally() {
        StringBuilder where = new StringBuilder();
        List<Object[]> parameters = new ArrayList<>();
        parse("50%_o\\f").appendTo(where, parameters);
        assertThat(where.toString()).contains("like lower(:searchName) escape");
        assertThat(parameters.get(0)[1]).isEqualTo("50\\%\\_o\\\\f%");
    }

    @Test
    void whatCannotBeAKeyIsRefusedNamingQ() {
        for (String typed : List.of("Z", "someone@", "0770090", "Zeph\u200Byrine", "x".repeat(201))) {
            assertThatThrownBy(() -> parse(typed)).as(typed).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("q"));
        }
    }
}
