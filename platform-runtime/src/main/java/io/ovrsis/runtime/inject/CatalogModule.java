package io.ovrsis.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import io.ovrsis.runtime.plugin.ComponentCatalog;
import io.ovrsis.runtime.plugin.RegisteredComponent;

/** One {@code MapBinder<String, XFactory>} per slot, fed with the catalog's factory instances. */
public final class CatalogModule extends AbstractModule {
    private final ComponentCatalog catalog;

    public CatalogModule(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void configure() {
        for (Slot slot : Slot.values()) {
            TypeLiteral<ComponentFactory> valueType = (TypeLiteral) TypeLiteral.get(slot.factoryType());
            MapBinder<String, ComponentFactory> binder = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), valueType);
            for (RegisteredComponent c : catalog.components(slot)) {
                binder.addBinding(c.id()).toInstance(c.factory());
            }
        }
    }
}
