"""Reference outputs for the runtime's training and preprocessing maths.

Run with Debian's PyTorch and Pillow (apt-get install python3-torch python3-numpy python3-pil):
    /usr/bin/python3 tools/reference/runtime_reference.py
Writes small .npy files into platform-runtime/src/test/resources/reference/.
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "platform-runtime", "src", "test", "resources", "reference")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(0)
np.random.seed(0)


def save(name, a, dtype=np.float32):
    if isinstance(a, torch.Tensor):
        a = a.detach().contiguous().numpy()
    np.save(os.path.join(OUT, name + ".npy"), np.asarray(a).astype(dtype))


# --- loss: method.md §6.3 (CAT-Seg): logits upsampled bilinearly, one-hot with ignore -> zeros, BCE mean
logits = torch.randn(2, 3, 4, 4)
labels = torch.randint(0, 3, (2, 8, 8))
labels[0, 0, :3] = 255
up = F.interpolate(logits, size=(8, 8), mode="bilinear", align_corners=False).permute(0, 2, 3, 1)
target = torch.zeros_like(up)
valid = labels != 255
target[valid] = F.one_hot(labels[valid], 3).float()
loss = F.binary_cross_entropy_with_logits(up, target)
save("loss_logits", logits)
save("loss_labels", labels, np.int64)
save("loss_value", loss.reshape(1))

# --- AdamW (torch defaults betas, eps) with weight decay 1e-4 and gradient clipping 0.01, 3 steps
w1 = torch.randn(4, 3, requires_grad=True)
w2 = torch.randn(5, requires_grad=True)
save("adam_w1_init", w1)
save("adam_w2_init", w2)
opt = torch.optim.AdamW([{"params": [w1], "weight_decay": 1e-4}, {"params": [w2], "weight_decay": 0.0}],
                        lr=2e-3, betas=(0.9, 0.999), eps=1e-8)
grads = []
for step in range(3):
    opt.zero_grad()
    g1 = torch.randn(4, 3)
    g2 = torch.randn(5)
    grads.append((g1, g2))
    w1.grad = g1.clone()
    w2.grad = g2.clone()
    norm = torch.nn.utils.clip_grad_norm_([w1, w2], 0.01)
    save(f"adam_norm_{step}", norm.reshape(1))
    for group in opt.param_groups:
        group["lr"] = 2e-3 * 0.5 * (1 + math.cos(math.pi * step / 3))
    opt.step()
    save(f"adam_g1_{step}", g1)
    save(f"adam_g2_{step}", g2)
save("adam_w1_final", w1)
save("adam_w2_final", w2)

# --- PIL bilinear resize (detectron2 ResizeTransform) on uint8, down and up
img = (np.random.rand(37, 53, 3) * 255).astype(np.uint8)
img[5:20, 10:30] = [200, 30, 60]
save("pil_in", img, np.int32)
down = np.asarray(Image.fromarray(img).resize((21, 16), Image.BILINEAR))
up = np.asarray(Image.fromarray(img).resize((80, 61), Image.BILINEAR))
save("pil_down_16x21", down, np.int32)
save("pil_up_61x80", up, np.int32)
lab = np.random.randint(0, 6, (37, 53)).astype(np.uint8)
save("pil_label_in", lab, np.int32)
save("pil_label_nearest_16x21", np.asarray(Image.fromarray(lab).resize((21, 16), Image.NEAREST)), np.int32)
print("wrote", len(os.listdir(OUT)), "files to", os.path.normpath(OUT))
