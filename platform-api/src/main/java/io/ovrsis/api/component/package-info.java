/** Factories, build/prepare contexts and errors shared by every slot. */
package io.ovrsis.api.component;
