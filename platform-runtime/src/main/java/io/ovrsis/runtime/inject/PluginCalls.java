package io.ovrsis.runtime.inject;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentFactory;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls into plugin code with the thread context class loader set to the plugin's loader (PF4J does
 * not switch it; ServiceLoader and Jackson lookups inside plugins need it).
 */
public final class PluginCalls {
    private PluginCalls() {
    }

    public static <T> T withLoaderOf(Object pluginObject, Supplier<T> call) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(pluginObject.getClass().getClassLoader());
        try {
            return call.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** Looks up {@code id} in a slot's factory map and builds the component. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> T create(Map<String, ? extends ComponentFactory> factories, String id, Object config, BuildContext ctx) {
        ComponentFactory factory = factories.get(id);
        if (factory == null) {
            throw new ComponentException("OVRSIS-CONFIG-UNKNOWN-COMPONENT", ctx.keyPath(),
                    ctx.keyPath() + ".component = \"" + id + "\" is not known. Known: " + String.join(", ", factories.keySet()));
        }
        return (T) withLoaderOf(factory, () -> factory.create(config, ctx));
    }
}
