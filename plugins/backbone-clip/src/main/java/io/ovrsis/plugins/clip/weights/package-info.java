/** Loading OpenAI CLIP and RemoteCLIP checkpoints into the towers: key mapping, fp16 handling, strict checks. */
package io.ovrsis.plugins.clip.weights;
