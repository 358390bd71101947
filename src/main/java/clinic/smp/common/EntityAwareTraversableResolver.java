package clinic.smp.common;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.persistence.Entity;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.hibernate.Hibernate;

/**
 * Which properties Hibernate Validator may read: all of them, except an entity's properties that are not loaded.
 *
 * <p>
 * Quarkus's default, with Hibernate ORM present, asks Hibernate for every property of every object validated, and the
 * service validates request bodies (records), never entities: bench/ measured that look-up at 2 % of the CPU of a
 * submission. This resolver, picked up by Quarkus as a bean, asks only for entities, and keeps the rule for them: a
 * lazy property that was not loaded is not validated (reading it would load it).
 */
@Singleton
public class EntityAwareTraversableResolver implements TraversableResolver {

    private static final ClassValue<Boolean> ENTITY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            // Hibernate's proxies and enhanced subclasses extend the entity, and @Entity is not inherited.
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return traversableObject == null || !ENTITY.get(traversableObject.getClass())
                || Hibernate.isPropertyInitialized(traversableObject, traversableProperty.getName());
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
