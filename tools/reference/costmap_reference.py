"""Reference for the cost-map heat maps of `ovrsis predict --cost-maps` (method.md §10).

Steps 1-4 of the authors' RSKT_Seg/modeling/transformer/visualize_corr.py, restated: one class's
(1, h, w) cost map, min-max normalised over the whole map, F.interpolate bilinear
(align_corners=False) to the image size, x255, .astype('uint8') (truncation). The JET colouring and
the 0.4/0.6 blend are checked in Java against OpenCV's values.

    /usr/bin/python3 tools/reference/costmap_reference.py
Writes costmap_*.npy into platform-runtime/src/test/resources/reference/.
"""
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "platform-runtime", "src", "test", "resources", "reference")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(0)

# a 6 x 7 cosine-like map (values in [-1, 1], not square, no symmetry), upsampled to 20 x 30
cost = (torch.rand(1, 6, 7) * 2 - 1) * 0.4 + torch.linspace(0, 0.3, 7)
vis = (cost - cost.min()) / (cost.max() - cost.min())
up = F.interpolate(vis.unsqueeze(0), (20, 30), mode="bilinear", align_corners=False).squeeze(0)
grey = (up.permute(1, 2, 0).numpy() * 255).astype("uint8")[:, :, 0]

# and down to 4 x 5 (no antialias in F.interpolate)
down = F.interpolate(vis.unsqueeze(0), (4, 5), mode="bilinear", align_corners=False).squeeze(0)
grey_down = (down.permute(1, 2, 0).numpy() * 255).astype("uint8")[:, :, 0]

np.save(os.path.join(OUT, "costmap_map_6x7.npy"), cost[0].numpy().astype(np.float32))
np.save(os.path.join(OUT, "costmap_grey_20x30.npy"), grey.astype(np.int32))
np.save(os.path.join(OUT, "costmap_grey_4x5.npy"), grey_down.astype(np.int32))
print("grey 20x30 range", grey.min(), grey.max(), "4x5", grey_down.tolist())
