package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.util.PlatformVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code ovrsis --version}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"OVRSIS Lab " + PlatformVersion.api() + " (DJL " + PlatformVersion.djl() + ", PyTorch "
                + PlatformVersion.pytorch() + ")"};
    }
}
