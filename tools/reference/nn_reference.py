"""Reference outputs for the platform-api tensor layer (io.ovrsis.api.nn).

Run with Debian's PyTorch (apt-get install python3-torch python3-numpy):
    /usr/bin/python3 tools/reference/nn_reference.py
Writes small .npy files into platform-api/src/test/resources/reference/.
"""
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "platform-api", "src", "test", "resources", "reference")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(0)


def save(name, t):
    np.save(os.path.join(OUT, name + ".npy"), t.detach().contiguous().numpy().astype(np.float32))


# resize inputs: a non-symmetric ramp plus noise
x = torch.randn(2, 3, 14, 14)
save("resize_in", x)
save("resize_bicubic_14_24", F.interpolate(x, size=(24, 24), mode="bicubic", align_corners=False))
save("resize_bilinear_14_5", F.interpolate(x, size=(5, 5), mode="bilinear", align_corners=False))
save("resize_bilinear_ac_14_24", F.interpolate(x, size=(24, 24), mode="bilinear", align_corners=True))
save("resize_bilinear_14_9x20", F.interpolate(x, size=(9, 20), mode="bilinear", align_corners=False))
pe = torch.randn(1, 8, 28, 28)
save("pe_in", pe)
save("pe_bicubic_scale", F.interpolate(pe, scale_factor=1.717857142857143, mode="bicubic", align_corners=False))

# transposed convolutions with kernel == stride
for k in (2, 4):
    ct = torch.nn.ConvTranspose2d(6, 5, kernel_size=k, stride=k)
    xin = torch.randn(2, 6, 3, 4)
    save(f"convt{k}_in", xin)
    save(f"convt{k}_weight", ct.weight)
    save(f"convt{k}_bias", ct.bias)
    save(f"convt{k}_out", ct(xin))

# group norm with affine parameters
gn = torch.nn.GroupNorm(4, 8)
with torch.no_grad():
    gn.weight.copy_(torch.randn(8))
    gn.bias.copy_(torch.randn(8))
g_in = torch.randn(2, 8, 5, 5) * 3 + 1
save("gn_in", g_in)
save("gn_weight", gn.weight)
save("gn_bias", gn.bias)
save("gn_out", gn(g_in))

# rot90 on a non-symmetric 3x4 map
r = torch.arange(24, dtype=torch.float32).reshape(1, 2, 3, 4)
for k in (1, 2, 3):
    save(f"rot90_{k}", torch.rot90(r, k, dims=(2, 3)))
print("wrote", len(os.listdir(OUT)), "files to", os.path.normpath(OUT))
