package io.dmskit.local;

import io.dmskit.testkit.FakeClock;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link WithDmsLocal}: one server per test class, kept in the class's extension store. */
final class DmsLocalExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DmsLocalExtension.class);

    /** Closes the server when JUnit closes the class's store. */
    private record Running(DmsLocalServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    private DmsLocalServer server(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        boolean engine = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithDmsLocal.class)
                .map(WithDmsLocal::localEngine).orElse(false);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("server", k -> new Running(
                DmsLocalServer.builder().port(0).localEngine(engine).clock(FakeClock.create()).build().start()),
                Running.class).server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DmsLocalServer.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DmsLocalServer server = server(context);
        if (!server.isRunning()) {
            throw new ParameterResolutionException("@WithDmsLocal: the server of " + context.getDisplayName()
                    + " is not running");
        }
        return parameter.getParameter().getType() == URI.class ? server.endpoint() : server;
    }
}
