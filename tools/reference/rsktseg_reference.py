"""End-to-end reference for importing the authors' model_final.pth: a TINY whole RSKT-Seg (and a
CAT-Seg variant) laid out as the authors' detectron2 module, its checkpoint and its logits.

The model is composed from the other reference scripts' modules (clip_reference: CLIP / RemoteCLIP
towers with the dense last block; dino_reference: DINO ViT; head_reference: RS-CMA costs, RS-Fusion
layers, RS-Transfer stages; catseg_reference: CAT-Seg aggregator layers), placed where the authors'
`RSKT_Seg` keeps them (method.md §0.1, §1.4, §4, §11.4, §14.8), so that `state_dict()` has exactly
their key structure:

  sem_seg_head.predictor.clip_model.{visual.*, text keys}    CLIP, attention split into
                                                             attn.{q,k,v}_proj_weight + attn.in_proj_bias
  sem_seg_head.predictor.clip_model_remote.*                 RemoteCLIP, whole model (text tower never run)
  dino_model.*                                               DINO ViT
  sem_seg_head.predictor.transformer.{conv1, conv2, fusion_corr, guidance_projection.0,
      text_guidance_projection.0, layers.{i}.*, CLIP_decoder_guidance_projection.{0,1}.0,
      CLIP_decoder_guidance_projection_remote.{0,1}.0, DINO_decoder_guidance_projection.{0,1}.0,
      Fusiondecoder{1,2}.{up, conv.double_conv.{0,1,3,4}}, head}
  upsample1, upsample2, upsample1_remote, upsample2_remote, dino_decod_proj1, dino_decod_proj2,
  dino_down_sample                                           top level

The forward is the authors' inference path (method.md §1.4, §2, §8.1): the CLIP-normalised, zero-padded
batch is squashed bilinearly (align_corners=False) to each encoder's own input size; CLIP runs four
separate passes on rot90(x, k), k = 0..3, whose dense maps are L2-normalised and turned back; block taps
come from the unrotated pass; DINO's last layer goes through dino_down_sample into text space for the
second cost; conv1/conv2/fusion_corr with sigmoids (simple_separate); RS-Fusion layers guided by the
unrotated dense CLIP map and the template-averaged text; RS-Transfer guided by CLIP, RemoteCLIP and DINO
taps; logits (B, T, 4h, 4w) before sigmoid.

CAT-Seg variant (method.md §14.4, §14.9): CLIP only, one unrotated cost, conv1 WITHOUT sigmoid, CAT-Seg's
aggregator layers (keys layers.{i}.swin_block.{block_1, block_2, guidance_norm} with the shifted block's
attn_mask buffer, layers.{i}.attention.*), decoder guided by CLIP alone.

Tiny sizes (mirrored by platform-runtime/src/test/resources/authors/*/experiment.yaml):
  CLIP        width 16, 3 blocks, 2 heads, patch 4, checkpoint grid 4, output 16, input 32 px (grid 8),
              taps = blocks 0 and 1; text width 16, 2 blocks, 2 heads, context 56, vocabulary 260
              with the "bytes" tokenizer (ids = UTF-8 byte + 1, SOT 258, EOT 259); RSKT-Seg with the
              template "A photo of a {} in the scene" (P = 1), the CAT-Seg variant with the 8
              RS_TEMPLATES (P = 8: 8 cost channels, guidance from the renormalised template mean)
  RemoteCLIP  width 16, 3 blocks, 2 heads, patch 8, grid 4, output 8, input 64 px (grid 8), taps 0, 1;
              stored text tower width 8, 1 block, 2 heads, context 4, vocabulary 10
  DINO        width 16, 3 blocks, 2 heads, patch 2, grid 8, input 32 px (grid 16), position scale
              factor 2.0125, taps 0, 1
  head        hidden 8, 7x7 cost convs, RS-Fusion 2 layers (4 heads, reduction 2, pooling 2, MLP x3,
              guidance 8/8); RS-Transfer guidance dims (16, 8), projections (4, 2), decoder (16, 16)
  CAT-Seg     2 layers, 4 heads, window 4 (second block shifted by 2), pooling 2, pad_len 8, linear
              class attention, guidance 8/8
Input: two RGB images of 24 x 40 (different contents), CLIP-normalised, zero-padded to 32 x 64, so the
squash shrinks the width for CLIP and DINO (32 px) and enlarges the height for RemoteCLIP (64 px).

Run with Debian's PyTorch 1.13:  /usr/bin/python3 tools/reference/rsktseg_reference.py [--mistakes]
(--mistakes writes nothing; it prints how far plausible composition mistakes move the logits and the
fused volume, to show that the Java test's 1e-4 separates them: squash with align_corners=True, decoder taps from a rotated
pass, rotated maps not or wrongly turned back, DINO positions resized by size, fusion guidance from a
rotated view, RemoteCLIP/DINO guidance swapped, padding before normalisation, CAT-Seg conv1 with a
sigmoid, the template mean not renormalised; measured 1.5e-4 .. 0.57 on the logits, and the smallest,
the template mean, moves the fused volume by 1.0e-3, which the Java test also bounds by 1e-4.)
Writes into platform-runtime/src/test/resources/authors/:
  image_rgb.npy            (2, 24, 40, 3) int32 (0..255), the raw RGB images (HWC). The model input is
                           (rgb - CLIP mean) / CLIP std (0-255 units, mean [122.7709383, 116.7460125,
                           104.09373615], std [68.5005327, 66.6321579, 70.3231630]), then zero padding
                           at the bottom and right to (2, 3, 32, 64), as images() computes it
  classes.txt              the T = 3 class names, one a line
  rsktseg/model_final.pth  torch.save({"model": state_dict, "iteration": 123}) (zip format)
  rsktseg/text.npy         (T, P, 16) L2-normalised text embeddings
  rsktseg/cost.npy         (2, 8, T, 8, 8) RS-CMA output (embedded, fused)
  rsktseg/fused.npy        (2, 8, T, 8, 8) after the RS-Fusion layers
  rsktseg/logits.npy       (2, T, 32, 32) logits before sigmoid
  catseg/...               the same for the CAT-Seg variant
  catseg/broken_keys.pth   the CAT-Seg checkpoint's keys without transformer.head.bias and with one extra
                           tensor, transformer.layers.2.attention.norm1.weight
  catseg/broken_shape.pth  ... with transformer.conv1.weight of shape (8, 4, 7, 7) instead of (8, 8, 7, 7)
(the broken files hold every tensor as a view of one shared storage, so they stay small; the import
rejects them before reading values).
"""
import os
import sys
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catseg_reference as catseg  # noqa: E402
import clip_reference as clipref  # noqa: E402
import dino_reference as dinoref  # noqa: E402
import head_reference as head  # noqa: E402

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "platform-runtime", "src",
                                    "test", "resources", "authors"))

CLASSES = ["bare soil", "building", "water"]
TEMPLATES = {True: ["A photo of a {} in the scene"],  # RSKT-Seg: "single", P = 1 (the released configs)
             False: clipref.RS}                     # CAT-Seg variant: the 8 RS_TEMPLATES ("rs"), P = 8
CLIP_MEAN = [122.7709383, 116.7460125, 104.09373615]
CLIP_STD = [68.5005327, 66.6321579, 70.3231630]
RAW_H, RAW_W, DIVISIBILITY = 24, 40, 32

CLIP = dict(v_width=16, v_layers=3, v_heads=2, patch=4, grid=4, embed=16, t_width=16, t_layers=2, t_heads=2,
            context=56, vocab=260)
CLIP_SIZE = 32
REMOTE = dict(v_width=16, v_layers=3, v_heads=2, patch=8, grid=4, embed=8, t_width=8, t_layers=1, t_heads=2,
              context=4, vocab=10)
REMOTE_SIZE = 64
DINO = dict(width=16, depth=3, heads=2, patch=2, grid=8)
DINO_SIZE, DINO_SCALE = 32, 2.0125
TAPS = (0, 1)
GRID = CLIP_SIZE // CLIP["patch"]  # cost grid 8
DINO_GRID = DINO_SIZE // DINO["patch"]  # 16

# head_reference's modules read their sizes from module globals: set them to this model's sizes
head.D, head.G = CLIP["embed"], GRID
head.CLIP_BLOCK, head.REMOTE_BLOCK, head.DINO_WIDTH, head.DINO_GRID = CLIP["v_width"], REMOTE["v_width"], \
    DINO["width"], DINO_GRID
head.HIDDEN, head.KERNEL = 8, 7
head.LAYERS, head.HEADS, head.SR, head.POOL, head.MLP_RATIO, head.GUIDANCE, head.TEXT_GUIDANCE = 2, 4, 2, 2, 3, 8, 8
head.GUIDANCE_DIMS, head.PROJ_DIMS, head.DECODER_DIMS = (16, 8), (4, 2), (16, 16)
head.TURNS = (0, 1, 2, 3)
HIDDEN = head.HIDDEN
CATSEG = dict(layers=2, hidden=HIDDEN, heads=4, window=4, grid=GRID, pool=2, pad_len=8, kind="linear", guidance=8,
              text_guidance=8, dense=CLIP["embed"], text=CLIP["embed"])


def conv(cin, cout, k, stride=1, pad=0):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=pad)


def squash(x, size):
    """Each encoder's own bilinear resize of the padded batch (method.md §8.1 step 3)."""
    return F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)


def to_maps(volume):
    """(B, C, T, h, w) -> (B*T, C, h, w)."""
    b, c, t, h, w = volume.shape
    return volume.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)


def to_volume(maps, b):
    bt, c, h, w = maps.shape
    return maps.reshape(b, bt // b, c, h, w).permute(0, 2, 1, 3, 4)


# ---------------------------------------------------------------- the authors' module tree
class Transformer(nn.Module):
    """sem_seg_head.predictor.transformer: RSKT_Decoder (rskt=True) or the CAT-Seg variant."""

    def __init__(self, rskt):
        super().__init__()
        self.rskt = rskt
        k, pad = head.KERNEL, head.KERNEL // 2
        p = len(TEMPLATES[rskt])  # every template gives its own cost channel (method.md §1.2, §2 step 3)
        if rskt:
            self.conv1 = conv(4 * p, HIDDEN, k, pad=pad)
            self.conv2 = conv(p, HIDDEN, k, pad=pad)
            self.fusion_corr = conv(2 * HIDDEN, HIDDEN, k, pad=pad)
            self.layers = nn.ModuleList([head.FusionLayer() for _ in range(head.LAYERS)])
            guidance, text_guidance = head.GUIDANCE, head.TEXT_GUIDANCE
        else:
            self.conv1 = conv(p, HIDDEN, k, pad=pad)
            self.layers = nn.ModuleList([catseg.AggregatorLayer(CATSEG) for _ in range(CATSEG["layers"])])
            guidance, text_guidance = CATSEG["guidance"], CATSEG["text_guidance"]
        self.guidance_projection = nn.Sequential(conv(head.D, guidance, 3, pad=1), nn.ReLU())
        self.text_guidance_projection = nn.Sequential(nn.Linear(head.D, text_guidance), nn.ReLU())
        self.CLIP_decoder_guidance_projection = head.projections()
        sources = 1
        if rskt:
            self.CLIP_decoder_guidance_projection_remote = head.projections()
            self.DINO_decoder_guidance_projection = head.projections()
            sources = 3
        self.Fusiondecoder1 = head.Up(HIDDEN, head.DECODER_DIMS[0], head.PROJ_DIMS[0], sources)
        self.Fusiondecoder2 = head.Up(head.DECODER_DIMS[0], head.DECODER_DIMS[1], head.PROJ_DIMS[1], sources)
        self.head = conv(head.DECODER_DIMS[1], 1, 3, pad=1)


class Predictor(nn.Module):
    def __init__(self, rskt):
        super().__init__()
        self.clip_model = clipref.Clip(CLIP)
        if rskt:
            self.clip_model_remote = clipref.Clip(REMOTE)
        self.transformer = Transformer(rskt)


class SemSegHead(nn.Module):
    def __init__(self, rskt):
        super().__init__()
        self.predictor = Predictor(rskt)


class RsktSeg(nn.Module):
    """The authors' RSKT_Seg (rskt=True) or its CAT-Seg configuration (rskt=False)."""

    def __init__(self, rskt):
        super().__init__()
        self.rskt = rskt
        self.sem_seg_head = SemSegHead(rskt)
        width, dims = CLIP["v_width"], head.GUIDANCE_DIMS
        self.upsample1 = nn.ConvTranspose2d(width, dims[0], 2, stride=2)
        self.upsample2 = nn.ConvTranspose2d(width, dims[1], 4, stride=4)
        if rskt:
            self.dino_model = dinoref.Vit(**DINO)
            rw = REMOTE["v_width"]
            self.upsample1_remote = nn.ConvTranspose2d(rw, dims[0], 2, stride=2)
            self.upsample2_remote = nn.ConvTranspose2d(rw, dims[1], 4, stride=4)
            self.dino_decod_proj1 = conv(DINO["width"], dims[0], 1)
            self.dino_decod_proj2 = nn.ConvTranspose2d(DINO["width"], dims[1], 2, stride=2)
            factor = DINO_GRID // GRID
            self.dino_down_sample = conv(DINO["width"], CLIP["embed"], factor, stride=factor)

    def text_embeddings(self, tokens):
        """(T, P, D), L2-normalised: clip_model.encode_text on every prompt (class-major, then template)."""
        emb = self.sem_seg_head.predictor.clip_model.encode_text(tokens)
        emb = emb / emb.norm(dim=-1, keepdim=True)
        return emb.reshape(len(CLASSES), len(TEMPLATES[self.rskt]), -1)

    def forward(self, images, text, mistake=None):
        """images (B, 3, H, W) CLIP-normalised and padded; text (T, P, D). Returns intermediates and logits.

        mistake (for --mistakes only) names one plausible composition error to make on purpose."""
        pred = self.sem_seg_head.predictor
        tr = pred.transformer
        b = images.shape[0]
        sq = (lambda x, size: F.interpolate(x, size=(size, size), mode="bilinear", align_corners=True)) \
            if mistake == "squash with align_corners=True" else squash
        clip_in = sq(images, CLIP_SIZE)
        turns = (0, 1, 2, 3) if self.rskt else (0,)
        views, taps = [], None
        for k in turns:  # separate passes, as the authors' hooks see them
            t, dense = pred.clip_model.visual.features(torch.rot90(clip_in, k, dims=(2, 3)), dense=True)
            views.append(clipref.feature_map(dense))
            if k == (turns[-1] if mistake == "decoder taps from the last rotated pass" else 0):
                taps = [clipref.feature_map(t[i]) for i in TAPS]
        # RS-CMA (method.md §2): turned-back cosine costs, channel order [0, 90, 180, 270] x templates
        if mistake == "rotated maps not turned back":
            corr = head.RsCma.main_cost([torch.rot90(v, k, dims=(2, 3)) for k, v in zip(turns, views)], text)
        elif mistake == "rotated maps turned the wrong way":
            corr = head.RsCma.main_cost([torch.rot90(v, 2 * k, dims=(2, 3)) for k, v in zip(turns, views)], text)
        else:
            corr = head.RsCma.main_cost(views, text)
        if self.rskt:
            scale = DINO_GRID / DINO["grid"] if mistake == "DINO positions resized by size, not scale_factor" else DINO_SCALE
            douts = self.dino_model.intermediate(sq(images, DINO_SIZE), scale)
            dino_last = dinoref.feature_map(douts[-1])
            dino_taps = [dinoref.feature_map(douts[i]) for i in TAPS]
            d = F.normalize(self.dino_down_sample(dino_last), dim=1)
            dino_corr = torch.einsum("bchw,tpc->bpthw", d, F.normalize(text, dim=-1))
            e_clip = torch.sigmoid(tr.conv1(to_maps(corr)))
            e_dino = torch.sigmoid(tr.conv2(to_maps(dino_corr)))
            fused = torch.sigmoid(tr.fusion_corr(torch.cat([e_clip, e_dino], dim=1)))
            cost = to_volume(fused + e_clip, b)
            rtaps_all, _ = pred.clip_model_remote.visual.features(sq(images, REMOTE_SIZE), dense=True)
            rtaps = [clipref.feature_map(rtaps_all[i]) for i in TAPS]
        else:
            cost = tr.conv1(to_maps(corr))
            cost = to_volume(torch.sigmoid(cost) if mistake == "CAT-Seg conv1 with sigmoid" else cost, b)  # §14.4
        # fusion layers, guided by the unrotated dense map and the template-averaged text
        guidance = tr.guidance_projection(views[-1] if mistake == "fusion guidance from a rotated view" else views[0])
        t = text.mean(dim=1)
        t = t if mistake == "template mean not renormalised" else t / t.norm(dim=-1, keepdim=True)
        text_guidance = tr.text_guidance_projection(t)[None].expand(b, -1, -1)
        x = cost
        for layer in tr.layers:
            x = layer(x, guidance, text_guidance)
        fused_volume = x
        # decoder (method.md §4): per stage the projected guidance of CLIP [, RemoteCLIP, DINO]
        stage_guidance = [[tr.CLIP_decoder_guidance_projection[0](self.upsample1(taps[0]))],
                          [tr.CLIP_decoder_guidance_projection[1](self.upsample2(taps[1]))]]
        if self.rskt:
            stage_guidance[0].append(tr.CLIP_decoder_guidance_projection_remote[0](self.upsample1_remote(rtaps[0])))
            stage_guidance[1].append(tr.CLIP_decoder_guidance_projection_remote[1](self.upsample2_remote(rtaps[1])))
            stage_guidance[0].append(tr.DINO_decoder_guidance_projection[0](self.dino_decod_proj1(dino_taps[0])))
            stage_guidance[1].append(tr.DINO_decoder_guidance_projection[1](self.dino_decod_proj2(dino_taps[1])))
            if mistake == "decoder guidance order RemoteCLIP/DINO swapped":
                stage_guidance = [[g[0], g[2], g[1]] for g in stage_guidance]
        y = to_maps(fused_volume)
        y = tr.Fusiondecoder1(y, stage_guidance[0])
        y = tr.Fusiondecoder2(y, stage_guidance[1])
        logits = tr.head(y)
        logits = logits.reshape(b, -1, *logits.shape[-2:])
        return cost, fused_volume, logits


# ---------------------------------------------------------------- weights and checkpoint
def randomise(model, seed):
    """Non-trivial values everywhere: the encoders as their own reference scripts do, heads with biases and norms."""
    torch.manual_seed(seed)
    pred = model.sem_seg_head.predictor
    towers = [pred.clip_model] + ([pred.clip_model_remote] if model.rskt else [])
    for tower in towers:
        clipref.randomise(tower)  # a fixed draw: add this seed's noise so that the towers differ
        with torch.no_grad():
            for name, p in tower.named_parameters():
                if not name.endswith("logit_scale"):
                    p.add_(0.05 * torch.randn(p.shape))
    if model.rskt:
        dinoref.randomise(model.dino_model, torch.Generator().manual_seed(seed + 1))
    heads = [pred.transformer] + [m for n, m in model.named_children() if n.startswith(("upsample", "dino_d"))]
    for m in heads:
        catseg.randomise(m)  # default init; biases, norm affines and padding tokens made non-trivial


def authors_state_dict(model):
    """The model's state dict in the authors' layout: split CLIP attention, no CLIP scalar buffers."""
    out = OrderedDict()
    for k, v in model.state_dict().items():
        v = v.detach().clone().float() if v.is_floating_point() else v.detach().clone()
        if k.endswith(("input_resolution", "context_length", "vocab_size")):
            continue  # model_vpt.build_model deletes them (method.md §11.1)
        if k.endswith("attn.in_proj_weight") and ".clip_model" in k:
            d = v.shape[1]
            base = k[:-len("in_proj_weight")]
            for i, name in enumerate(("q", "k", "v")):
                out[base + name + "_proj_weight"] = v[i * d:(i + 1) * d].clone()
            continue
        out[k] = v
    return out


def load_authors_file(model, path):
    """Loads a model_final.pth written here: the split q/k/v weights fused back into in_proj_weight."""
    loaded = torch.load(path, map_location="cpu")["model"]
    fused = OrderedDict()
    for k, v in loaded.items():
        if k.endswith("attn.q_proj_weight"):
            base = k[:-len("q_proj_weight")]
            fused[base + "in_proj_weight"] = torch.cat([v, loaded[base + "k_proj_weight"], loaded[base + "v_proj_weight"]])
        elif not k.endswith(("attn.k_proj_weight", "attn.v_proj_weight")):
            fused[k] = v
    missing, unexpected = model.load_state_dict(fused, strict=False)
    assert all(k.endswith(("input_resolution", "context_length", "vocab_size")) for k in missing), missing
    assert not unexpected, unexpected


def save_npy(path, t, dtype=np.float32):
    a = t.detach().contiguous().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    np.save(path, a.astype(dtype))


def check_layout(sd, rskt):
    """The key structure of method.md §14.8 (the Java import is checked against it too)."""
    assert not any(k.endswith("in_proj_weight") for k in sd)
    assert any(k.endswith("visual.transformer.resblocks.0.attn.q_proj_weight") for k in sd)
    prefixes = ["sem_seg_head.predictor.clip_model.", "sem_seg_head.predictor.transformer.", "upsample1.", "upsample2."]
    if rskt:
        prefixes += ["sem_seg_head.predictor.clip_model_remote.", "dino_model.", "upsample1_remote.",
                     "upsample2_remote.", "dino_decod_proj1.", "dino_decod_proj2.", "dino_down_sample."]
        assert "sem_seg_head.predictor.clip_model_remote.token_embedding.weight" in sd
        assert "sem_seg_head.predictor.transformer.layers.0.spatial_fusion.sa.attention.sr_k.weight" in sd
    else:
        assert "sem_seg_head.predictor.transformer.layers.0.swin_block.block_2.attn_mask" in sd
        assert "sem_seg_head.predictor.transformer.layers.0.swin_block.block_1.attn_mask" not in sd
        assert "sem_seg_head.predictor.transformer.layers.1.attention.padding_tokens" in sd
    for k in sd:
        assert any(k.startswith(p) for p in prefixes), k


def prompt_tokens(rskt):
    """Byte-tokenizer ids (T * P, 56) of every class in every template, class-major."""
    return torch.tensor([clipref.byte_tokens(t.replace("{}", c, 1)) for c in CLASSES for t in TEMPLATES[rskt]])


def write_variant(name, rskt, seed, images):
    out = os.path.join(OUT, name)
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(seed)  # the default init of the head modules draws from the global generator
    model = RsktSeg(rskt).eval()
    randomise(model, seed)
    sd = authors_state_dict(model)
    check_layout(sd, rskt)
    torch.save({"model": sd, "iteration": 123}, os.path.join(out, "model_final.pth"))
    # the reference runs on the checkpoint as a fresh model loads it
    fresh = RsktSeg(rskt).eval()
    load_authors_file(fresh, os.path.join(out, "model_final.pth"))
    tokens = prompt_tokens(rskt)
    with torch.no_grad():
        text = fresh.text_embeddings(tokens)
        cost, fused_volume, logits = fresh(images, text)
    save_npy(os.path.join(out, "text.npy"), text)
    save_npy(os.path.join(out, "cost.npy"), cost)
    save_npy(os.path.join(out, "fused.npy"), fused_volume)
    save_npy(os.path.join(out, "logits.npy"), logits)
    n = sum(v.numel() for v in sd.values())
    print(f"{name}: {len(sd)} tensors, {n} values; |cost| {cost.abs().mean():.3f}, |fused| {fused_volume.abs().mean():.3f},"
          f" logits {tuple(logits.shape)} mean |.| {logits.abs().mean():.3f} max {logits.abs().max():.3f}")
    return sd


def write_broken(sd):
    """Two checkpoints that must be rejected: one tensor missing and one extra; one with a wrong shape.

    Their values do not matter (the import rejects them before loading any), so every tensor is a view
    of one shared storage, which torch.save writes once: each file stays a few KiB."""
    out = os.path.join(OUT, "catseg")
    tr = "sem_seg_head.predictor.transformer."
    shapes = OrderedDict((k, tuple(v.shape)) for k, v in sd.items())
    shapes_keys = OrderedDict((k, s) for k, s in shapes.items() if k != tr + "head.bias")
    assert len(shapes_keys) == len(shapes) - 1
    shapes_keys[tr + "layers.2.attention.norm1.weight"] = (HIDDEN,)
    shapes_wrong = OrderedDict(shapes)
    shapes_wrong[tr + "conv1.weight"] = (HIDDEN, 4, head.KERNEL, head.KERNEL)
    for name, layout in (("broken_keys", shapes_keys), ("broken_shape", shapes_wrong)):
        base = torch.linspace(-1, 1, max(int(np.prod(s)) for s in layout.values()))
        views = OrderedDict((k, base[:int(np.prod(s))].view(s)) for k, s in layout.items())
        torch.save({"model": views, "iteration": 123}, os.path.join(out, name + ".pth"))
        back = torch.load(os.path.join(out, name + ".pth"))["model"]
        assert {k: tuple(v.shape) for k, v in back.items()} == dict(layout)


def images():
    """Two 24 x 40 RGB images: smooth gradients plus blocks, so that rotations and classes differ."""
    g = torch.Generator().manual_seed(7)
    yy, xx = torch.meshgrid(torch.arange(RAW_H, dtype=torch.float32), torch.arange(RAW_W, dtype=torch.float32),
                            indexing="ij")
    rgb = torch.zeros(2, RAW_H, RAW_W, 3)
    rgb[0, ..., 0] = 255 * xx / (RAW_W - 1)
    rgb[0, ..., 1] = 255 * yy / (RAW_H - 1)
    rgb[0, ..., 2] = 128
    rgb[0, 4:14, 8:25] = torch.tensor([200.0, 30.0, 60.0])
    rgb[1] = 255 * torch.rand(RAW_H, RAW_W, 3, generator=g)
    rgb[1, 10:22, 25:37] = torch.tensor([20.0, 160.0, 230.0])
    rgb = rgb.round().clamp(0, 255).to(torch.uint8)
    x = rgb.permute(0, 3, 1, 2).float()
    x = (x - torch.tensor(CLIP_MEAN).reshape(1, 3, 1, 1)) / torch.tensor(CLIP_STD).reshape(1, 3, 1, 1)
    ph, pw = -(-RAW_H // DIVISIBILITY) * DIVISIBILITY, -(-RAW_W // DIVISIBILITY) * DIVISIBILITY
    x = F.pad(x, (0, pw - RAW_W, 0, ph - RAW_H), value=0.0)  # padding after normalisation
    return rgb, x


MISTAKES = {
    True: ["squash with align_corners=True", "decoder taps from the last rotated pass", "rotated maps not turned back",
           "rotated maps turned the wrong way", "DINO positions resized by size, not scale_factor",
           "fusion guidance from a rotated view", "decoder guidance order RemoteCLIP/DINO swapped",
           "padding before normalisation"],
    False: ["squash with align_corners=True", "CAT-Seg conv1 with sigmoid", "template mean not renormalised",
            "padding before normalisation"],
}


def mistakes():
    """How far plausible composition mistakes move the logits (the Java test allows 1e-4); writes nothing."""
    _, x = images()
    raw = x.clone()
    valid = torch.zeros_like(x, dtype=torch.bool)
    valid[..., :RAW_H, :RAW_W] = True
    pad_value = (-torch.tensor(CLIP_MEAN) / torch.tensor(CLIP_STD)).reshape(1, 3, 1, 1).expand_as(x)
    padded_raw = torch.where(valid, raw, pad_value)  # zero padding applied to the 0-255 image instead
    for name, rskt in (("rsktseg", True), ("catseg", False)):
        model = RsktSeg(rskt).eval()
        load_authors_file(model, os.path.join(OUT, name, "model_final.pth"))
        with torch.no_grad():
            text = model.text_embeddings(prompt_tokens(rskt))
            ref = model(x, text)
            for m in MISTAKES[rskt]:
                out = model(padded_raw, text) if m == "padding before normalisation" else model(x, text, m)
                print(f"{name}: {m}: max |diff| logits {(out[2] - ref[2]).abs().max():.2e},"
                      f" fused volume {(out[1] - ref[1]).abs().max():.2e}")


def main():
    if "--mistakes" in sys.argv[1:]:
        mistakes()
        return
    os.makedirs(OUT, exist_ok=True)
    rgb, x = images()
    save_npy(os.path.join(OUT, "image_rgb.npy"), rgb, np.int32)
    with open(os.path.join(OUT, "classes.txt"), "w") as f:
        f.write("\n".join(CLASSES) + "\n")
    assert clipref.VOCAB == CLIP["vocab"] and clipref.CONTEXT == CLIP["context"]
    write_variant("rsktseg", True, 20250920, x)
    sd = write_variant("catseg", False, 20250921, x)
    write_broken(sd)
    total = 0
    for root, _, files in os.walk(OUT):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files if not f.endswith(".yaml"))
    print(f"fixtures: {total / 1024:.0f} KiB in {OUT}")


if __name__ == "__main__":
    main()
