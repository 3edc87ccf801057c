package dev.brigade.junit.internal.lifecycle;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.config.FixtureType;
import dev.brigade.junit.internal.config.TemplateSpec;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of a {@code @Brigade} or {@code @Spawn} test: one kind, named like
 * {@code [VIRTUAL] 500 tasks, QUEUE}, with the fixture parameter preconfigured.
 */
final class TemplateInvocation implements TestTemplateInvocationContext {

    private final TemplateSpec spec;
    private final TaskKind kind;

    /** The invocation of {@code spec} for {@code kind}. */
    public TemplateInvocation(TemplateSpec spec, TaskKind kind) {
        this.spec = spec;
        this.kind = kind;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return spec.displayName(kind);
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new KindResolver());
    }

    /** Tells the invocation its kind and resolves its fixture parameter. */
    private final class KindResolver implements ParameterResolver, BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            TestState.kind(context, kind);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == fixtureType(spec);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return Fixtures.template(spec, kind, context);
        }
    }

    /** The fixture type a template injects. */
    static Class<?> fixtureType(TemplateSpec spec) {
        return spec.fixture() == FixtureType.BRIGADE ? BrigadeFixture.class : SpawnFixture.class;
    }
}
