package io.ovrsis.runtime.config;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import java.util.List;
import java.util.Optional;

/**
 * What the binder needs from the plugin catalog: the factory for a {@code component} id, and the
 * known ids of a slot for error messages. Implemented by the runtime's component catalog; tests
 * use small in-memory versions.
 */
public interface ComponentLookup {

    /** The factory registered under {@code id} for {@code slot}. */
    Optional<ComponentFactory<?, ?>> find(Slot slot, String id);

    /** Every component offered for {@code slot}, in a stable order. */
    List<KnownComponent> known(Slot slot);
}
