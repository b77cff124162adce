package io.ovrsis.runtime.plugin;

import java.util.List;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin-first class loader, except for host APIs, which always come from the host: a plugin
 * that bundles DJL, Jackson, Validator, Guice, SLF4J or platform-api by mistake then uses the host's
 * classes (one native library per JVM, shared annotations, one ExtensionPoint) instead of failing
 * silently.
 */
public final class OvrsisPluginClassLoader extends PluginClassLoader {
    static final List<String> PARENT_FIRST = List.of(
            "ai.djl.", "com.fasterxml.jackson.", "jakarta.validation.", "org.hibernate.validator.",
            "com.google.inject.", "jakarta.inject.", "org.slf4j.", "io.ovrsis.api.");

    public OvrsisPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        if (super.shouldDelegateToParent(className)) {
            return true;
        }
        for (String prefix : PARENT_FIRST) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
