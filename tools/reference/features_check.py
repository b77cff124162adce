"""Checks the .npy files of `ovrsis features` for a CLIP encoder against PyTorch, at any size.

Recomputes, from the same weight file and image, what the authors' test path feeds a CLIP image
tower (method.md 8.1: PIL bilinear ResizeShortestEdge(640, max 2560) on uint8, CLIP mean/std,
zero padding to a multiple of 32, F.interpolate bilinear align_corners=False to the input size),
runs clip_reference.py's model (dense last block, raw block taps, ln_post @ proj) and, when the
output folder has them, the text tower on prompts.txt with the BPE tokenizer, then prints the
largest absolute difference per file. The architecture is read from the tensor shapes, as OpenAI's
build_model does (heads = width / 64).

    /usr/bin/python3 tools/reference/features_check.py WEIGHTS IMAGE OUTDIR [--size 384]
        [--remoteclip] [--vocab bpe_simple_vocab_16e6.txt.gz] [--shortest-edge 640]

WEIGHTS is an OpenAI TorchScript archive or (with --remoteclip, which rounds the conv/Linear/
attention/projection tensors through fp16 as the authors' load does, method.md 14.1) a torch.save
state dict. Needs python3-pil besides torch and numpy.
"""
import argparse
import os
import re
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clip_reference as ref  # noqa: E402

MEAN = np.array([122.7709383, 116.7460125, 104.09373615], dtype=np.float32)
STD = np.array([68.5005327, 66.6321579, 70.3231630], dtype=np.float32)


def state_dict(path, remoteclip):
    try:
        sd = torch.jit.load(path, map_location="cpu").state_dict()
    except RuntimeError:
        sd = torch.load(path, map_location="cpu")
    if remoteclip:
        halves = set(ref.half_names(sd))
        sd = {k: (v.half().float() if k in halves else v) for k, v in sd.items()}
    return {k: v.float() if v.is_floating_point() else v for k, v in sd.items()}


def architecture(sd):
    vw = sd["visual.conv1.weight"].shape[0]
    tw = sd["ln_final.weight"].shape[0]
    return dict(v_width=vw, v_heads=vw // 64, patch=sd["visual.conv1.weight"].shape[-1],
                v_layers=len({k.split(".")[3] for k in sd if k.startswith("visual.transformer.resblocks.")}),
                grid=round((sd["visual.positional_embedding"].shape[0] - 1) ** 0.5), embed=sd["visual.proj"].shape[1],
                t_width=tw, t_heads=tw // 64,
                t_layers=len({k.split(".")[2] for k in sd if k.startswith("transformer.resblocks.")}),
                context=sd["positional_embedding"].shape[0], vocab=sd["token_embedding.weight"].shape[0])


def test_input(image_path, size, shortest_edge):
    img = Image.open(image_path).convert("RGB")
    w, h = img.size
    if shortest_edge > 0:  # detectron2 ResizeShortestEdge(640, 2560)
        scale = shortest_edge / min(h, w)
        nh, nw = (shortest_edge, scale * w) if h < w else (scale * h, shortest_edge)
        if max(nh, nw) > 2560:
            scale = 2560 / max(nh, nw)
            nh, nw = nh * scale, nw * scale
        img = img.resize((int(nw + 0.5), int(nh + 0.5)), Image.BILINEAR)
    x = (np.asarray(img, dtype=np.float32) - MEAN) / STD
    x = torch.from_numpy(x).permute(2, 0, 1)[None]
    ph, pw = -x.shape[2] % 32, -x.shape[3] % 32
    x = F.pad(x, (0, pw, 0, ph), value=0.0)
    return F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("weights")
    p.add_argument("image")
    p.add_argument("outdir")
    p.add_argument("--size", type=int, default=384)
    p.add_argument("--shortest-edge", type=int, default=640)
    p.add_argument("--remoteclip", action="store_true")
    p.add_argument("--vocab", default=None)
    a = p.parse_args()
    sd = state_dict(a.weights, a.remoteclip)
    arch = architecture(sd)
    model = ref.Clip(arch).eval()
    missing, unexpected = model.load_state_dict(sd, strict=False)
    assert not unexpected and set(missing) <= {"input_resolution", "context_length", "vocab_size"}, (missing, unexpected)
    print("architecture:", arch)
    with torch.no_grad():
        taps, dense = model.visual.features(test_input(a.image, a.size, a.shortest_edge), dense=True)
        results = {"dense": ref.feature_map(dense)[0]}
        for i, t in taps.items():
            results[f"block{i}"] = ref.feature_map(t)[0]
        prompts = os.path.join(a.outdir, "prompts.txt")
        if os.path.exists(prompts) and a.vocab:
            bpe = ref.Bpe(a.vocab)
            texts = open(prompts, encoding="utf-8").read().splitlines()
            tokens = torch.tensor([bpe.tokenize(t) for t in texts])
            emb = model.encode_text(tokens)
            results["text"] = emb / emb.norm(dim=-1, keepdim=True)
            results["tokens"] = tokens
    worst = 0.0
    for name in sorted(os.listdir(a.outdir)):
        stem = name[:-4]
        if not name.endswith(".npy") or stem not in results:
            continue
        got = np.load(os.path.join(a.outdir, name))
        want = results[stem].numpy()
        assert got.shape == want.shape, (name, got.shape, want.shape)
        if got.dtype.kind == "i":
            print(f"{name}: {got.shape} ids equal: {bool((got == want).all())}")
            worst = max(worst, float((got != want).any()))
            continue
        diff = float(np.abs(got - want).max())
        scale = float(np.abs(want).max())
        print(f"{name}: {got.shape} max |diff| {diff:.3g} (max |value| {scale:.3g})")
        worst = max(worst, diff / max(scale, 1e-12))
    print(f"largest relative difference {worst:.3g}")


if __name__ == "__main__":
    main()
