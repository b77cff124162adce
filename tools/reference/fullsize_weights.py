"""Full-size RANDOM weight files in the ORIGINAL formats, for acceptance runs (never committed).

The published checkpoints cannot be downloaded here. These files have exactly the published
files' layout (names, shapes, dtypes, container format, method.md 11.1-11.3 and 14.2), filled
with random values, so that loading, memory and speed of the real models can be measured:

  ViT-B-16.pt, ViT-B-32.pt, ViT-L-14-336px.pt
      OpenAI CLIP TorchScript archives (torch.jit.save of a traced model, as OpenAI's are): OpenAI
      key names with the fused attn.in_proj_weight; conv/Linear/attention/projection tensors fp16,
      embeddings, LayerNorms and logit_scale fp32; the int64 scalars input_resolution,
      context_length, vocab_size as buffers. The model is clip_reference.py's (the same one the
      tiny committed fixture comes from) at the published sizes.
  RemoteCLIP-ViT-B-32.pt
      torch.save zip of an fp32 state dict, OpenCLIP/OpenAI key names (ViT-B/32, 224 px), no scalars.
  RSIB.pth
      DINO training-checkpoint layout: {"teacher": {...}, "epoch": 100}; the teacher dict holds the
      ViT-B/8 backbone under module.backbone.* (cls_token 1x1x768, pos_embed 1x785x768,
      patch_embed.proj 768x3x8x8, 12 blocks of width 768 with norm1, attn.qkv, attn.proj, norm2,
      mlp.fc1, mlp.fc2, then norm) and DINO's projection head under module.head.* (mlp.0/2/4,
      last_layer.weight_g / weight_v with out_dim 65536), which a loader must skip.

Sizes written: ViT-B-16.pt 335 MiB, ViT-B-32.pt 337 MiB, ViT-L-14-336px.pt 891 MiB,
RemoteCLIP-ViT-B-32.pt 577 MiB, RSIB.pth 416 MiB (2.5 GiB in all). ViT-L needs ~2.6 GB of memory
and took ~10 minutes on a busy 2-core machine (the others seconds). Each file is written under its
own name in OUTDIR/.partial/ and moved into place when complete.

Run (Debian's PyTorch 1.13):
    /usr/bin/python3 tools/reference/fullsize_weights.py /work/bigfiles/pretrain [--only NAME ...]
"""
import argparse
import os
import sys
import time
from collections import OrderedDict

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clip_reference as ref  # noqa: E402  (the model the tiny fixtures come from)

# published architectures: vision width/layers/heads, patch, checkpoint grid, embed; text tower
B16 = dict(v_width=768, v_layers=12, v_heads=12, patch=16, grid=14, embed=512,
           t_width=512, t_layers=12, t_heads=8, context=77, vocab=49408)
B32 = dict(B16, patch=32, grid=7)
L14_336 = dict(v_width=1024, v_layers=24, v_heads=16, patch=14, grid=24, embed=768,
               t_width=768, t_layers=12, t_heads=12, context=77, vocab=49408)
SCALARS = ("input_resolution", "context_length", "vocab_size")


def random_clip(arch, seed):
    torch.manual_seed(seed)
    model = ref.Clip(arch).eval()
    ref.randomise(model)
    return model


def openai_archive(arch, path, seed):
    """Trace in fp32, store OpenAI's convert_weights set in fp16 (method.md 14.2), save TorchScript."""
    model = random_clip(arch, seed)
    size = arch["grid"] * arch["patch"]
    example = (torch.zeros(1, 3, size, size), torch.tensor([[49406, 320, 49407] + [0] * 74]))
    with torch.no_grad():
        traced = torch.jit.trace(model, example, check_trace=False)
    halves = set(ref.half_names(model.state_dict()))
    with torch.no_grad():
        for name, p in traced.named_parameters():
            if name in halves:
                p.data = p.data.half()
    torch.jit.save(traced, path)
    sd = traced.state_dict()
    n16 = sum(1 for v in sd.values() if v.dtype == torch.float16)
    n32 = sum(1 for v in sd.values() if v.dtype == torch.float32)
    n64 = [k for k, v in sd.items() if v.dtype == torch.int64]
    assert sorted(n64) == sorted(SCALARS), n64
    return f"{len(sd)} entries: {n16} fp16, {n32} fp32, int64 {sorted(n64)}"


def remoteclip_state_dict(path, seed):
    model = random_clip(B32, seed)
    sd = OrderedDict((k, v) for k, v in model.state_dict().items() if k not in SCALARS)
    torch.save(sd, path)
    return f"{len(sd)} fp32 entries"


def rsib_checkpoint(path, seed):
    """DINO ViT-B/8 teacher (method.md 11.3) plus the DINO head, as a DINO training checkpoint."""
    g = torch.Generator().manual_seed(seed)

    def rnd(*shape, scale=0.02):
        return scale * torch.randn(*shape, generator=g)

    width, blocks, mlp = 768, 12, 3072
    backbone = OrderedDict()
    backbone["cls_token"] = rnd(1, 1, width)
    backbone["pos_embed"] = rnd(1, 28 * 28 + 1, width)
    backbone["patch_embed.proj.weight"] = rnd(width, 3, 8, 8)
    backbone["patch_embed.proj.bias"] = rnd(width)
    for i in range(blocks):
        b = f"blocks.{i}."
        backbone[b + "norm1.weight"] = 1 + rnd(width, scale=0.1)
        backbone[b + "norm1.bias"] = rnd(width)
        backbone[b + "attn.qkv.weight"] = rnd(3 * width, width)
        backbone[b + "attn.qkv.bias"] = rnd(3 * width)
        backbone[b + "attn.proj.weight"] = rnd(width, width)
        backbone[b + "attn.proj.bias"] = rnd(width)
        backbone[b + "norm2.weight"] = 1 + rnd(width, scale=0.1)
        backbone[b + "norm2.bias"] = rnd(width)
        backbone[b + "mlp.fc1.weight"] = rnd(mlp, width)
        backbone[b + "mlp.fc1.bias"] = rnd(mlp)
        backbone[b + "mlp.fc2.weight"] = rnd(width, mlp)
        backbone[b + "mlp.fc2.bias"] = rnd(width)
    backbone["norm.weight"] = 1 + rnd(width, scale=0.1)
    backbone["norm.bias"] = rnd(width)
    # DINO's projection head (hidden 2048, bottleneck 256, out_dim 65536, weight-normed last layer)
    head = OrderedDict()
    head["mlp.0.weight"] = rnd(2048, width)
    head["mlp.0.bias"] = rnd(2048)
    head["mlp.2.weight"] = rnd(2048, 2048)
    head["mlp.2.bias"] = rnd(2048)
    head["mlp.4.weight"] = rnd(256, 2048)
    head["mlp.4.bias"] = rnd(256)
    head["last_layer.weight_g"] = torch.ones(65536, 1)
    head["last_layer.weight_v"] = rnd(65536, 256)
    teacher = OrderedDict([("module.backbone." + k, v) for k, v in backbone.items()]
                          + [("module.head." + k, v) for k, v in head.items()])
    torch.save({"teacher": teacher, "epoch": 100}, path)
    return f"teacher: {len(backbone)} backbone + {len(head)} head tensors"


JOBS = OrderedDict([
    ("ViT-B-16.pt", lambda p: openai_archive(B16, p, 16)),
    ("ViT-B-32.pt", lambda p: openai_archive(B32, p, 32)),
    ("ViT-L-14-336px.pt", lambda p: openai_archive(L14_336, p, 14)),
    ("RemoteCLIP-ViT-B-32.pt", lambda p: remoteclip_state_dict(p, 33)),
    ("RSIB.pth", lambda p: rsib_checkpoint(p, 8)),
])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--only", nargs="+", choices=list(JOBS), help="write only these files")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    torch.set_num_threads(1)
    for name, job in JOBS.items():
        if args.only and name not in args.only:
            continue
        path = os.path.join(args.outdir, name)
        start = time.time()
        # written under its own name in a side folder (a TorchScript archive's root folder is named
        # after the file), then moved: never half a file under the published name
        os.makedirs(os.path.join(args.outdir, ".partial"), exist_ok=True)
        tmp = os.path.join(args.outdir, ".partial", name)
        what = job(tmp)
        os.replace(tmp, path)
        print(f"{name}: {os.path.getsize(path) / 2**20:.0f} MiB, {what}, {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    np.set_printoptions(precision=3)
    main()
