package dev.brigade.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container of repeated {@link Budget}s; the compiler writes it when a method has several.
 *
 * <p>Write {@code @Budget} twice rather than this annotation; it is public because Java needs it to be.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrigadeExtension.class)
public @interface Budgets {

    /**
     * The budgets, in the order written.
     *
     * @return the repeated {@link Budget}s, each checked on its own
     */
    Budget[] value();
}
