package io.dmskit.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link WithDmsSandbox}: one {@link DmsSandbox} per annotated test class, kept in the class's
 * {@link ExtensionContext.Store}, to which every callback is delegated. Registered by the annotation; not meant to be
 * used directly.
 */
final class DmsSandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create("io.dmskit.testkit", "WithDmsSandbox");

    /** Created by JUnit. */
    DmsSandboxExtension() {
        // stateless: the sandbox lives in the store
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        WithDmsSandbox settings = settings(context);
        DmsSandbox sandbox = DmsSandbox.builder()
                .timings(settings.realisticTimings() ? Timings.realistic() : Timings.instant())
                .apply(b -> {
                    if (settings.localReplicationEngine()) {
                        b.withLocalReplicationEngine();
                    }
                })
                .build();
        context.getStore(NAMESPACE).put(DmsSandbox.class, sandbox);
        if (settings.perClass()) {
            sandbox.beforeAll(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DmsSandbox sandbox = context.getStore(NAMESPACE).remove(DmsSandbox.class, DmsSandbox.class);
        if (sandbox != null) {
            sandbox.afterAll(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox(context).beforeEach(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        sandbox(context).afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sandbox(context).afterEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox(extensionContext).supportsParameter(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox(extensionContext).resolveParameter(parameterContext, extensionContext);
    }

    private static DmsSandbox sandbox(ExtensionContext context) {
        // the class-level store is visible from method contexts (stores inherit from their parents)
        DmsSandbox sandbox = context.getStore(NAMESPACE).get(DmsSandbox.class, DmsSandbox.class);
        if (sandbox == null) {
            throw new ExtensionConfigurationException("@WithDmsSandbox must annotate the test class ("
                    + context.getRequiredTestClass().getName() + "), not a method");
        }
        return sandbox;
    }

    private static WithDmsSandbox settings(ExtensionContext context) {
        // @Nested classes inherit the settings of the class that encloses them
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, WithDmsSandbox.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException("DmsSandboxExtension is registered by @WithDmsSandbox on the"
                + " test class; use @RegisterExtension DmsSandbox otherwise");
    }
}
