/**
 * The {@code semseg} metric: detectron2 {@code SemSegEvaluator} semantics (method.md §8.2) — one
 * (N+1)×(N+1) confusion matrix accumulated over a whole dataset (rows prediction, columns ground
 * truth, ignored ground truth in column N), scored as mIoU, fwIoU, mACC and pACC in percent, with
 * optional Boundary IoU.
 */
package io.ovrsis.plugins.semseg;
