/**
 * Model slots and the typed records that travel between them.
 *
 * <p>Call graph of one forward pass (wired by the runtime's {@code OpenVocabSegmentor}):
 * <pre>
 * text   = textEncoder.encode(classNames)                       (T, P, D) L2-normalised
 * views  = imageEncoder.encode(rot90(img, k)) for k in aggregator.rotations(), batched as (V*B)
 * aux[n] = auxEncoders[n].encode(resize(img, n's input size))   frozen encoders, no autograd
 * cost   = aggregator.aggregate(views, aux, text)                (B, C, T, h, w)
 * cost   = fusion.fuse(cost, guidance(views[0], aux), text)      (B, C, T, h, w)
 * logits = decoder.decode(cost, guidance(views[0], aux))         (B, T, H', W')
 * </pre>
 */
package io.ovrsis.api.model;
