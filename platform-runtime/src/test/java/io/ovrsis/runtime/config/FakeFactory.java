package io.ovrsis.runtime.config;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.ComponentInfo;

/** A factory that only describes its config; it builds nothing. */
class FakeFactory<C> implements ComponentFactory<C, Object> {
    private final String id;
    private final Class<C> configType;
    private final C defaults;
    volatile ClassLoader contextLoaderSeen;

    FakeFactory(String id, Class<C> configType, C defaults) {
        this.id = id;
        this.configType = configType;
        this.defaults = defaults;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Class<C> configType() {
        return configType;
    }

    @Override
    public C defaultConfig() {
        contextLoaderSeen = Thread.currentThread().getContextClassLoader();
        return defaults;
    }

    @Override
    public Object create(C config, BuildContext context) {
        throw new UnsupportedOperationException("fake factory " + id);
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("fake " + id);
    }
}
