package io.ovrsis.runtime.weights;

import net.razorvine.pickle.IObjectConstructor;

/**
 * A Python class or function a pickle refers to that the reader does not interpret (argparse
 * {@code Namespace}, NumPy scalars, detectron2 config nodes, TorchScript module classes...).
 * Calling it yields a {@link PyObject} that just keeps its arguments and state.
 *
 * @param module the Python module, e.g. {@code argparse} or {@code __torch__.torch.nn.modules.linear}
 * @param name the class or function name
 */
record PyClass(String module, String name) implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        return new PyObject(this, args);
    }

    /** {@code module.name}. */
    String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
