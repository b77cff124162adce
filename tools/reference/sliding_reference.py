"""Reference for the runtime's sliding-window inference (eval/SlidingWindows), written from CAT-Seg's
inference_sliding_window as method.md §8.1 describes it: resize to out x out, nn.Unfold windows of k with
stride int(k * (1 - 0.333)) plus a global k x k view, normalise; logits resized to k, sigmoid, nn.Fold
average of the windows, averaged with the global view resized to out.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/sliding_reference.py
Writes sliding_*.npy into platform-runtime/src/test/resources/reference/.
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "platform-runtime", "src", "test", "resources", "reference")
MEAN = torch.tensor([122.7709383, 116.7460125, 104.09373615]).view(1, 3, 1, 1)
STD = torch.tensor([68.5005327, 66.6321579, 70.3231630]).view(1, 3, 1, 1)
OUT_RES, KERNEL, CLASSES, LOGIT = 40, 24, 3, 6


def save(name, a, dtype=np.float32):
    np.save(os.path.join(OUT, "sliding_" + name + ".npy"), np.asarray(a).astype(dtype))


def main():
    torch.manual_seed(0)
    rgb = torch.randint(0, 256, (OUT_RES, 56, 3), dtype=torch.uint8)   # short side already OUT_RES
    image = rgb.permute(2, 0, 1)[None].float()
    stride = int(KERNEL * (1 - 0.333))
    unfold = nn.Unfold(kernel_size=KERNEL, stride=stride)
    fold = nn.Fold((OUT_RES, OUT_RES), kernel_size=KERNEL, stride=stride)
    square = F.interpolate(image, size=(OUT_RES, OUT_RES), mode="bilinear", align_corners=False)[0]
    cols = unfold(square[None])[0]                                        # (3*k*k, L)
    windows = cols.T.reshape(-1, 3, KERNEL, KERNEL)
    global_view = F.interpolate(image, size=(KERNEL, KERNEL), mode="bilinear", align_corners=False)
    views = (torch.cat([windows, global_view], 0) - MEAN) / STD
    logits = torch.randn(views.shape[0], CLASSES, LOGIT, LOGIT) * 3
    outputs = F.interpolate(logits, size=KERNEL, mode="bilinear", align_corners=False).sigmoid()
    global_output = F.interpolate(outputs[-1:], size=(OUT_RES, OUT_RES), mode="bilinear", align_corners=False)
    outputs = outputs[:-1]
    outputs = fold(outputs.flatten(1).T) / fold(unfold(torch.ones([1, OUT_RES, OUT_RES])))
    probs = (outputs + global_output) / 2.0
    save("rgb", rgb.numpy(), np.int32)
    save("views", views)
    save("logits", logits)
    save("probs", probs)
    print("views", tuple(views.shape), "probs", tuple(probs.shape), "stride", stride)


if __name__ == "__main__":
    main()
