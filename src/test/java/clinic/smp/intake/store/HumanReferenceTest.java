package clinic.smp.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HumanReferenceTest {

    @Test
    void referencesAreShortAndUseOnlyUnambiguousCharacters() {
        for (long n = 0; n < 10_000; n++) {
            assertThat(HumanReference.format('E', n)).matches("E-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        }
    }

    @Test
    void distinctNumbersGiveDistinctReferences() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 200_000; n++) {
            assertThat(seen.add(HumanReference.format('A', n))).as("reference of %d is new", n).isTrue();
        }
        // and at the far end of the range
        for (long n = HumanReference.CAPACITY - 1000; n < HumanReference.CAPACITY; n++) {
            assertThat(seen.add(HumanReference.format('A', n))).isTrue();
        }
    }

    @Test
    void thePermutationIsABijectionOnItsDomain() {
        // Exhaustive over a sub-range would not prove it; check that distinct inputs stay within the domain and the
        // Feistel structure keeps them distinct (no two of a large sample collide).
        Set<Long> images = new HashSet<>();
        for (long n = 0; n < 300_000; n++) {
            long image = HumanReference.permute(n * 917_171L % HumanReference.CAPACITY);
            assertThat(image).isBetween(0L, HumanReference.CAPACITY - 1);
            images.add(image);
        }
        assertThat(images).hasSize(300_000);
    }

    @Test
    void consecutiveSubmissionsDoNotGetConsecutiveReferences() {
        assertThat(HumanReference.format('E', 1).substring(0, 6))
                .isNotEqualTo(HumanReference.format('E', 2).substring(0, 6));
    }

    @Test
    void refusesNumbersBeyondItsCapacity() {
        assertThatThrownBy(() -> HumanReference.format('E', HumanReference.CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
