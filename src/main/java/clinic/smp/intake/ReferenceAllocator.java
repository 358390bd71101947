package clinic.smp.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Hands out human references from the {@code human_reference_seq} sequence, fetching a block of numbers per round
 * trip (the sequence increments by {@value #BLOCK}). Numbers of a block that a restart abandons are simply never used.
 */
@ApplicationScoped
public class ReferenceAllocator {

    static final int BLOCK = 50;

    private final EntityManager em;
    private long next;
    private long limit;

    public ReferenceAllocator(EntityManager em) {
        this.em = em;
    }

    public synchronized String next(char prefix) {
        if (next == limit) {
            long start = ((Number) em.createNativeQuery("select nextval('human_reference_seq')").getSingleResult())
                    .longValue();
            next = start;
            limit = start + BLOCK;
        }
        return HumanReference.format(prefix, next++);
    }
}
