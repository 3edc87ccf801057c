package dev.brigade.assertj;

import org.assertj.core.api.AbstractAssert;

/** Navigation from a result's assertion to one of its metrics keeps the description given with {@code as(...)}. */
final class Navigation {

    private Navigation() {
    }

    static <A extends AbstractAssert<A, ?>> A describe(AbstractAssert<?, ?> from, A to) {
        if (from.info.hasDescription()) {
            to.describedAs(from.info.description());
        }
        return to;
    }
}
