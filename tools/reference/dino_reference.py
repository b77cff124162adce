"""Reference fixtures for plugins/backbone-dino (the DINO ViT "RSIB" encoder of RSKT-Seg / GSNet).

A PyTorch re-implementation, written from method.md (sections 1.1, 1.4, 11.3, 14.5), of DINO v1's
VisionTransformer as the authors use it: patch conv with bias, class token, position embedding
for the checkpoint's grid, pre-norm blocks (norm1, attn.qkv with bias, attn.proj, norm2, mlp.fc1,
exact GELU, mlp.fc2), LayerNorm eps 1e-6, final norm. Every tapped block output goes through the
final norm (get_intermediate_layers); the CLS token is dropped and the tokens are laid out as
(B, C, g, g). The position table is resized bicubic, align_corners=False, with a FIXED scale factor
(RSKT-Seg hard-codes 1.717857142857143 = 48.1 / 28), which PyTorch also uses to map coordinates.

It builds a TINY randomly initialised model (width 32, 3 blocks, 4 heads, patch 8, checkpoint
grid 4 = 32 px, MLP 128) and writes into plugins/backbone-dino/src/test/resources/reference/:

  dino_tiny.pth                 torch.save of the plain state dict (zip format)
  dino_tiny_legacy.pth          the same, _use_new_zipfile_serialization=False
  dino_tiny_teacher.pth         DINO training-checkpoint layout: {"teacher": {module.backbone.*,
                                module.head.* (projection head)}, "student": {a few tensors},
                                "epoch": 7, "dino_loss": {"center": ...}}
  dino_tiny_teacher.safetensors the same tensors with dotted names ("teacher.module.backbone.
                                cls_token", ...), for tests that cannot read torch.save files
  image_32.npy, image_48.npy    inputs (2, 3, S, S), as if CLIP-normalised
  dense_{32,48}.npy             norm(last block), (2, 32, g, g)
  block0_{32,48}.npy, block1_{32,48}.npy
                                norm(output of block 0 / 1), (2, 32, g, g)
  pos_embed_48.npy              the position table used at 48 px (1 + 36, 32): the 4x4 grid
                                resized with scale_factor 1.55 (6 = floor(4 * 1.55); the
                                coordinates use 1/1.55, not 4/6)
  pos_paper_in.npy, pos_paper_out.npy
                                a random (1 + 28*28, 4) table and its resize at the paper's
                                scale 1.717857142857143 (1 + 48*48, 4)

With --full DIR it also writes a FULL-SIZE random ViT-B/8 (768 wide, 12 blocks, 12 heads, grid
28, about 330 MB) in the teacher layout to DIR/rsib_random.pth, an input DIR/image_384.npy
(1, 3, 384, 384) and DIR/{dense,block3,block7}_384.npy (1, 768, 48, 48) for the opt-in full-size
parity test. Keep DIR out of git (e.g. /work/bigfiles/dino).

Install once (Debian):  apt-get install python3-torch python3-numpy
Run:  /usr/bin/python3 tools/reference/dino_reference.py [--full /work/bigfiles/dino]
(torch 1.13).
"""
import argparse
import json
import math
import os
import struct
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plugins", "backbone-dino", "src", "test",
                   "resources", "reference")

TINY = dict(width=32, depth=3, heads=4, patch=8, grid=4)
TINY_SCALE = 1.55
PAPER_SCALE = 1.717857142857143
EPS = 1e-6


# ----------------------------------------------------------------------------------------------
# model (DINO key names)

class Attention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(width, 3 * width, bias=True)
        self.proj = nn.Linear(width, width)

    def forward(self, x):
        b, n, c = x.shape
        d = c // self.heads
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        logits = (q @ k.transpose(-2, -1)) * d ** -0.5   # scaled after the product, as DINO does
        out = logits.softmax(dim=-1) @ v
        return self.proj(out.transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = nn.Linear(width, 4 * width)
        self.fc2 = nn.Linear(4 * width, width)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))   # exact (erf) GELU


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(width, eps=EPS)
        self.attn = Attention(width, heads)
        self.norm2 = nn.LayerNorm(width, eps=EPS)
        self.mlp = Mlp(width)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(self, width, patch):
        super().__init__()
        self.proj = nn.Conv2d(3, width, patch, patch)


class Vit(nn.Module):
    def __init__(self, width, depth, heads, patch, grid):
        super().__init__()
        self.patch, self.grid, self.width = patch, grid, width
        self.cls_token = nn.Parameter(torch.zeros(1, 1, width))
        self.pos_embed = nn.Parameter(torch.zeros(1, grid * grid + 1, width))
        self.patch_embed = PatchEmbed(width, patch)
        self.blocks = nn.ModuleList([Block(width, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(width, eps=EPS)

    def positions(self, grid, scale):
        """The checkpoint's table at its own grid, else its patch part resized with scale_factor."""
        if grid == self.grid:
            return self.pos_embed
        cls = self.pos_embed[:, :1]
        patches = self.pos_embed[:, 1:].reshape(1, self.grid, self.grid, self.width).permute(0, 3, 1, 2)
        patches = F.interpolate(patches, scale_factor=(scale, scale), mode="bicubic", align_corners=False)
        assert patches.shape[-1] == grid and patches.shape[-2] == grid, patches.shape
        patches = patches.permute(0, 2, 3, 1).reshape(1, grid * grid, self.width)
        return torch.cat([cls, patches], dim=1)

    def intermediate(self, image, scale):
        """Every block's output through the final norm (get_intermediate_layers with n = depth)."""
        x = self.patch_embed.proj(image).flatten(2).transpose(1, 2)
        b, n, _ = x.shape
        g = int(round(math.sqrt(n)))
        x = torch.cat([self.cls_token.expand(b, -1, -1), x], dim=1) + self.positions(g, scale)
        outs = []
        for block in self.blocks:
            x = block(x)
            outs.append(self.norm(x))
        return outs


def randomise(model, gen):
    """Values large enough that every part of the computation shows in the outputs."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm1.weight") or name.endswith("norm2.weight") or name == "norm.weight":
                p.copy_(1 + 0.2 * torch.randn(p.shape, generator=gen))
            elif name.endswith("bias"):
                p.copy_(0.1 * torch.randn(p.shape, generator=gen))
            elif name in ("cls_token", "pos_embed"):
                p.copy_(0.5 * torch.randn(p.shape, generator=gen))
            else:
                fan_in = p[0].numel()
                p.copy_(torch.randn(p.shape, generator=gen) / math.sqrt(fan_in))


def feature_map(tokens):
    """(B, 1 + g*g, C) -> drop CLS -> (B, C, g, g) ("B (H W) C -> B C H W")."""
    b, n, c = tokens.shape
    g = int(round(math.sqrt(n - 1)))
    return tokens[:, 1:, :].permute(0, 2, 1).reshape(b, c, g, g)


# ----------------------------------------------------------------------------------------------
# files

def save(out, name, t):
    a = t.detach().contiguous().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    np.save(os.path.join(out, name + ".npy"), a.astype(np.float32))


def save_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, t in tensors.items():
        data = t.detach().contiguous().numpy().astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def projection_head(width, gen):
    """A small DINOHead state dict: mlp.0, mlp.2, weight-normed last_layer (g, v)."""
    head = OrderedDict()
    head["mlp.0.weight"] = torch.randn(16, width, generator=gen)
    head["mlp.0.bias"] = torch.randn(16, generator=gen)
    head["mlp.2.weight"] = torch.randn(8, 16, generator=gen)
    head["mlp.2.bias"] = torch.randn(8, generator=gen)
    head["last_layer.weight_g"] = torch.ones(10, 1)
    head["last_layer.weight_v"] = torch.randn(10, 8, generator=gen)
    return head


def teacher_checkpoint(state_dict, gen):
    teacher = OrderedDict(("module.backbone." + k, v) for k, v in state_dict.items())
    teacher.update(("module.head." + k, v) for k, v in projection_head(state_dict["cls_token"].shape[-1], gen).items())
    student = OrderedDict()
    student["module.backbone.cls_token"] = torch.randn(state_dict["cls_token"].shape, generator=gen)
    student["module.backbone.norm.weight"] = torch.randn(state_dict["norm.weight"].shape, generator=gen)
    return {"student": student, "teacher": teacher, "epoch": 7, "dino_loss": {"center": torch.zeros(1, 10)}}


def flatten(prefix, node, out):
    for k, v in node.items():
        if isinstance(v, dict):
            flatten(prefix + k + ".", v, out)
        elif isinstance(v, torch.Tensor):
            out[prefix + k] = v
    return out


# ----------------------------------------------------------------------------------------------

def tiny(out):
    os.makedirs(out, exist_ok=True)
    gen = torch.Generator().manual_seed(0)
    model = Vit(**TINY).eval()
    randomise(model, gen)
    sd = OrderedDict((k, v.detach().clone()) for k, v in model.state_dict().items())
    torch.save(sd, os.path.join(out, "dino_tiny.pth"))
    torch.save(sd, os.path.join(out, "dino_tiny_legacy.pth"), _use_new_zipfile_serialization=False)
    ckpt = teacher_checkpoint(sd, gen)
    torch.save(ckpt, os.path.join(out, "dino_tiny_teacher.pth"))
    save_safetensors(os.path.join(out, "dino_tiny_teacher.safetensors"), flatten("", ckpt, OrderedDict()))

    # the authors' loader on the teacher file gives back exactly the plain state dict
    loaded = torch.load(os.path.join(out, "dino_tiny_teacher.pth"), map_location="cpu")["teacher"]
    loaded = {k.replace("module.", "").replace("backbone.", ""): v for k, v in loaded.items()}
    check = Vit(**TINY)
    msg = check.load_state_dict(loaded, strict=False)
    assert not msg.missing_keys and all(k.startswith("head.") for k in msg.unexpected_keys), msg
    for k, v in check.state_dict().items():
        assert torch.equal(v, sd[k]), k

    images = {32: torch.randn(2, 3, 32, 32, generator=gen), 48: torch.randn(2, 3, 48, 48, generator=gen)}
    with torch.no_grad():
        for size, image in images.items():
            save(out, f"image_{size}", image)
            outs = model.intermediate(image, TINY_SCALE)
            save(out, f"dense_{size}", feature_map(outs[-1]))
            save(out, f"block0_{size}", feature_map(outs[0]))
            save(out, f"block1_{size}", feature_map(outs[1]))
        pos48 = model.positions(6, TINY_SCALE)[0]
        save(out, "pos_embed_48", pos48)
        by_size = F.interpolate(model.pos_embed[:, 1:].reshape(1, 4, 4, 32).permute(0, 3, 1, 2), size=(6, 6),
                                mode="bicubic", align_corners=False).permute(0, 2, 3, 1).reshape(36, 32)
        print("tiny: size=(6,6) instead of scale_factor=1.55 changes the table by up to %.3e"
              % (by_size - pos48[1:]).abs().max().item())

        # the paper's resize: 28x28 -> 48x48 with the hard-coded factor
        paper = Vit(width=4, depth=1, heads=1, patch=8, grid=28)
        paper.pos_embed.copy_(torch.randn(1, 785, 4, generator=gen))
        save(out, "pos_paper_in", paper.pos_embed[0])
        resized = paper.positions(48, PAPER_SCALE)[0]
        save(out, "pos_paper_out", resized)
        by_size = F.interpolate(paper.pos_embed[:, 1:].reshape(1, 28, 28, 4).permute(0, 3, 1, 2), size=(48, 48),
                                mode="bicubic", align_corners=False).permute(0, 2, 3, 1).reshape(48 * 48, 4)
        print("paper: size=(48,48) instead of scale_factor=%r changes the table by up to %.3e"
              % (PAPER_SCALE, (by_size - resized[1:]).abs().max().item()))
    total = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    print(f"wrote {len(os.listdir(out))} files, {total / 1024:.0f} KiB, into {os.path.normpath(out)}")


def full(out):
    """Full-size random RSIB-like checkpoint (teacher layout) and its outputs at 384 px."""
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(2)
    gen = torch.Generator().manual_seed(1)
    model = Vit(width=768, depth=12, heads=12, patch=8, grid=28).eval()
    randomise(model, gen)
    sd = OrderedDict((k, v.detach().clone()) for k, v in model.state_dict().items())
    print("full-size parameters:", sum(v.numel() for v in sd.values()))
    torch.save(teacher_checkpoint(sd, gen), os.path.join(out, "rsib_random.pth"))
    image = torch.randn(1, 3, 384, 384, generator=gen)
    with torch.no_grad():
        outs = model.intermediate(image, PAPER_SCALE)
    np.save(os.path.join(out, "image_384.npy"), image.numpy().astype(np.float32))
    for name, t in (("dense", outs[-1]), ("block3", outs[3]), ("block7", outs[7])):
        np.save(os.path.join(out, f"{name}_384.npy"), feature_map(t).numpy().astype(np.float32))
    print("wrote", sorted(os.listdir(out)), "into", out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", help="also write the full-size random checkpoint and outputs into this folder")
    args = parser.parse_args()
    torch.manual_seed(0)
    tiny(OUT)
    if args.full:
        full(args.full)


if __name__ == "__main__":
    main()
