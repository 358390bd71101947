package clinic.smp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import clinic.smp.enquiry.api.EnquiryConsent;
import clinic.smp.lead.Lead;

@QuarkusTest
class EntityAwareTraversableResolverTest {

    @Inject
    ValidatorFactory validators;

    @Inject
    EntityManager entities;

    @Test
    void quarkusValidatesWithThisResolver() {
        assertThat(validators.getTraversableResolver()).isInstanceOf(EntityAwareTraversableResolver.class);
    }

    @Test
    void requestBodiesAreWalkedWhole() {
        EntityAwareTraversableResolver resolver = new EntityAwareTraversableResolver();
        assertThat(
                resolver.isReachable(new EnquiryConsent(true, "2025-11", false), node("contact"), EnquiryConsent.class,
                        null, null))
                .isTrue();
        assertThat(resolver.isReachable(null, node("contact"), EnquiryConsent.class, null, null)).isTrue();
    }

    @Test
    void anEntitysUnloadedPropertiesAreNotRead() {
        EntityAwareTraversableResolver resolver = new EntityAwareTraversableResolver();
        Lead loaded = new Lead();
        assertThat(resolver.isReachable(loaded, node("name"), Lead.class, null, null)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> {
            // Not loaded: no query is run. (A proxy, or with Quarkus's bytecode enhancement an uninitialised Lead.)
            Lead reference = entities.getReference(Lead.class, UUID.randomUUID());
            assertThat(Hibernate.isInitialized(reference)).isFalse();
            assertThat(resolver.isReachable(reference, node("name"), Lead.class, null, null)).isFalse();
        });
    }

    /** A path node that only has a name: all the resolver reads. */
    private static Path.Node node(String name) {
        return (Path.Node) Proxy.newProxyInstance(Path.Node.class.getClassLoader(), new Class<?>[] { Path.Node.class },
                (proxy, method, args) -> method.getName().equals("getName") ? name : null);
    }
}
