/** Small runtime facts shared by several packages (versions, project layout, git). */
package io.ovrsis.runtime.util;
