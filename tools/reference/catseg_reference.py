"""Reference outputs for the fusion-catseg plugin: CAT-Seg's aggregator layers.

An independent PyTorch re-implementation of CAT-Seg's aggregator layer (RSKT-Seg's `OriAggregator`,
cvlab-kaist/CAT-Seg `AggregatorLayer`), written from reading the authors' code, with their parameter
and buffer names. Each layer: a pair of guided Swin blocks (window w, the second shifted by w // 2,
appearance guidance layer-normed and concatenated to the queries/keys, shifted-window mask -100),
then class aggregation: average pooling, class tokens padded to `pad_len` with learnable tokens,
linear (elu + 1) or full attention over the classes, a ReLU MLP, bilinear upsampling with
align_corners=True, and a second residual. Guidance projections as in RS-Fusion.

The padding is materialised here (pad_len tokens), unlike the Java plugin, which adds the padding
tokens' share to the attention sums in closed form; the parity tests check that shortcut too.

Run with Debian's PyTorch (1.13):
    /usr/bin/python3 tools/reference/catseg_reference.py           # fixtures
    /usr/bin/python3 tools/reference/catseg_reference.py --bench   # + paper-size timing and counts
Writes into plugins/fusion-catseg/src/test/resources/reference/:
    weights/<key>.npy, cost.npy, dense.npy, text.npy, layer<i>.npy     main set (2 layers, tiny)
    <set>/weights/<key>.npy, <set>/buffers/<key>.npy, <set>/*.npy       the other sets
"""
import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "plugins", "fusion-catseg", "src", "test", "resources", "reference")
MASK_VALUE = -100.0


# ---------------------------------------------------------------- windows
def to_windows(x, ws):
    """(S, H, W, C) -> (S * nW, ws * ws, C); windows in row-major order of the window grid."""
    s, h, w, c = x.shape
    x = x.reshape(s, h // ws, ws, w // ws, ws, c).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(-1, ws * ws, c)


def from_windows(win, ws, h, w):
    """Inverse of to_windows: (S * nW, ws * ws, C) -> (S, H, W, C)."""
    c = win.shape[-1]
    x = win.reshape(-1, h // ws, w // ws, ws, ws, c).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(-1, h, w, c)


def shifted_window_mask(h, w, ws, shift):
    """(nW, ws², ws²): 0 where two positions of a window came from the same region before the
    cyclic shift, -100 elsewhere. Regions: [0, h - ws), [h - ws, h - shift), [h - shift, h) per axis."""
    label = torch.zeros(h, w)
    bounds = lambda n: [(0, n - ws), (n - ws, n - shift), (n - shift, n)]
    region = 0
    for r0, r1 in bounds(h):
        for c0, c1 in bounds(w):
            label[r0:r1, c0:c1] = region
            region += 1
    lw = to_windows(label.reshape(1, h, w, 1), ws).squeeze(-1)  # nW, ws²
    same = lw[:, :, None] == lw[:, None, :]
    return torch.where(same, torch.tensor(0.0), torch.tensor(MASK_VALUE))


# ---------------------------------------------------------------- spatial (Swin pair)
class WindowAttention(nn.Module):
    def __init__(self, dim, gdim, heads):
        super().__init__()
        self.heads = heads
        self.dim = dim
        self.q = nn.Linear(dim + gdim, dim)
        self.k = nn.Linear(dim + gdim, dim)
        self.v = nn.Linear(dim, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, xg, mask):
        n_win, n, _ = xg.shape
        d = self.dim // self.heads
        split = lambda t: t.reshape(n_win, n, self.heads, d).transpose(1, 2)
        q = split(self.q(xg)) * d ** -0.5
        k = split(self.k(xg))
        v = split(self.v(xg[..., :self.dim]))
        scores = q @ k.transpose(-1, -2)  # n_win, heads, n, n
        if mask is not None:
            per_map = mask.shape[0]
            scores = (scores.reshape(n_win // per_map, per_map, self.heads, n, n) + mask[None, :, None]).reshape(
                n_win, self.heads, n, n)
        out = scores.softmax(-1) @ v
        return self.proj(out.transpose(1, 2).reshape(n_win, n, self.dim))


class Mlp(nn.Module):
    def __init__(self, dim, ratio=4):
        super().__init__()
        self.fc1 = nn.Linear(dim, dim * ratio)
        self.fc2 = nn.Linear(dim * ratio, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class SwinBlock(nn.Module):
    def __init__(self, dim, gdim, heads, grid, window, shift):
        super().__init__()
        h, w = grid
        if min(h, w) <= window:  # one window covers the grid: no shift
            window, shift = min(h, w), 0
        self.grid, self.window, self.shift = grid, window, shift
        self.norm1 = nn.LayerNorm(dim)
        self.attn = WindowAttention(dim, gdim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim)
        self.register_buffer("attn_mask", shifted_window_mask(h, w, window, shift) if shift > 0 else None)

    def forward(self, x, g):
        """x (S, H*W, C), g (S, H*W, Cg) already normed."""
        h, w = self.grid
        s, _, c = x.shape
        xg = torch.cat([self.norm1(x), g], dim=-1).reshape(s, h, w, -1)
        if self.shift:
            xg = torch.roll(xg, shifts=(-self.shift, -self.shift), dims=(1, 2))
        out = self.attn(to_windows(xg, self.window), self.attn_mask)
        out = from_windows(out, self.window, h, w)
        if self.shift:
            out = torch.roll(out, shifts=(self.shift, self.shift), dims=(1, 2))
        x = x + out.reshape(s, h * w, c)
        return x + self.mlp(self.norm2(x))


class SwinPair(nn.Module):
    def __init__(self, dim, gdim, heads, grid, window):
        super().__init__()
        self.block_1 = SwinBlock(dim, gdim, heads, grid, window, 0)
        self.block_2 = SwinBlock(dim, gdim, heads, grid, window, window // 2)
        self.guidance_norm = nn.LayerNorm(gdim)

    def forward(self, x, guidance):
        b, c, t, h, w = x.shape
        seq = x.permute(0, 2, 3, 4, 1).reshape(b * t, h * w, c)
        g = guidance.permute(0, 2, 3, 1).reshape(b, 1, h * w, -1).expand(b, t, h * w, guidance.shape[1])
        g = self.guidance_norm(g.reshape(b * t, h * w, -1))
        seq = self.block_2(self.block_1(seq, g), g)
        return seq.reshape(b, t, h, w, c).permute(0, 4, 1, 2, 3)


# ---------------------------------------------------------------- class aggregation
def linear_attention(q, k, v, eps=1e-6):
    """q (N, L, H, D), k/v (N, S, H, D): 'Transformers are RNNs' attention with elu + 1 features."""
    fq, fk = F.elu(q) + 1, F.elu(k) + 1
    length = v.shape[1]
    kv = torch.einsum("nshd,nshe->nhde", fk, v / length)
    norm = 1.0 / (torch.einsum("nlhd,nhd->nlh", fq, fk.sum(1)) + eps)
    return torch.einsum("nlhd,nhde,nlh->nlhe", fq, kv, norm) * length


def full_attention(q, k, v):
    scores = torch.einsum("nlhd,nshd->nlsh", q, k) / q.shape[-1] ** 0.5
    return torch.einsum("nlsh,nshd->nlhd", scores.softmax(2), v)


class ClassAttentionLayer(nn.Module):
    def __init__(self, dim, gdim, heads, kind):
        super().__init__()
        self.heads, self.kind = heads, kind
        self.q = nn.Linear(dim + gdim, dim)
        self.k = nn.Linear(dim + gdim, dim)
        self.v = nn.Linear(dim, dim)

    def forward(self, x, g):
        n, s, c = x.shape
        xg = torch.cat([x, g], dim=-1)
        heads = lambda t: t.reshape(n, s, self.heads, c // self.heads)
        q, k, v = heads(self.q(xg)), heads(self.k(xg)), heads(self.v(x))
        out = linear_attention(q, k, v) if self.kind == "linear" else full_attention(q, k, v)
        return out.reshape(n, s, c)


class ClassAggregation(nn.Module):
    def __init__(self, dim, gdim, heads, kind, pool, pad_len):
        super().__init__()
        self.pool, self.pad_len = pool, pad_len
        if pad_len > 0:
            self.padding_tokens = nn.Parameter(torch.zeros(1, 1, dim))
            self.padding_guidance = nn.Parameter(torch.zeros(1, 1, gdim))
        self.attention = ClassAttentionLayer(dim, gdim, heads, kind)
        self.MLP = nn.Sequential(nn.Linear(dim, 4 * dim), nn.ReLU(), nn.Linear(4 * dim, dim))
        self.norm1 = nn.LayerNorm(dim)
        self.norm2 = nn.LayerNorm(dim)

    def forward(self, x, text_guidance):
        """x (B, C, T, H, W); text_guidance (B, T, Cg)."""
        b, c, t, h, w = x.shape
        maps = x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)
        pooled = F.avg_pool2d(maps, self.pool) if self.pool > 1 else maps
        hp, wp = pooled.shape[-2:]
        seq = pooled.reshape(b, t, c, hp, wp).permute(0, 3, 4, 1, 2).reshape(b * hp * wp, t, c)
        g = text_guidance
        extra = self.pad_len - t if self.pad_len > 0 else 0
        if extra > 0:
            seq = torch.cat([seq, self.padding_tokens.expand(seq.shape[0], extra, c)], dim=1)
            g = torch.cat([g, self.padding_guidance.expand(b, extra, g.shape[-1])], dim=1)
        s = seq.shape[1]
        g = g[:, None, None].expand(b, hp, wp, s, g.shape[-1]).reshape(b * hp * wp, s, -1)
        seq = seq + self.attention(self.norm1(seq), g)
        seq = seq + self.MLP(self.norm2(seq))
        y = seq.reshape(b, hp, wp, s, c).permute(0, 3, 4, 1, 2).reshape(b * s, c, hp, wp)
        y = F.interpolate(y, size=(h, w), mode="bilinear", align_corners=True)
        y = y.reshape(b, s, c, h, w)[:, :t].permute(0, 2, 1, 3, 4)
        return x + y  # the pooled sequence kept its own residuals: the input enters twice


class AggregatorLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.swin_block = SwinPair(cfg["hidden"], cfg["guidance"], cfg["heads"], (cfg["grid"],) * 2, cfg["window"])
        self.attention = ClassAggregation(cfg["hidden"], cfg["text_guidance"], cfg["heads"], cfg["kind"],
                                          cfg["pool"], cfg["pad_len"])

    def forward(self, x, guidance, text_guidance):
        return self.attention(self.swin_block(x, guidance), text_guidance)


class CatSegFusion(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.guidance_projection = nn.Sequential(nn.Conv2d(cfg["dense"], cfg["guidance"], 3, padding=1), nn.ReLU())
        self.text_guidance_projection = nn.Sequential(nn.Linear(cfg["text"], cfg["text_guidance"]), nn.ReLU())
        self.layers = nn.ModuleList([AggregatorLayer(cfg) for _ in range(cfg["layers"])])

    def forward(self, cost, dense, text):
        """cost (B, C, T, h, w), dense (B, D, h, w), text (T, P, D)."""
        guidance = self.guidance_projection(dense)
        t = text.mean(dim=1)
        t = t / t.norm(dim=-1, keepdim=True)
        text_guidance = self.text_guidance_projection(t)[None].expand(cost.shape[0], -1, -1)
        outs, x = [], cost
        for layer in self.layers:
            x = layer(x, guidance, text_guidance)
            outs.append(x)
        return outs


# ---------------------------------------------------------------- fixtures
def randomise(module):
    """Default init, plus non-trivial biases, norm affines and padding tokens so that each matters."""
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name.endswith("bias"):
                p.copy_(torch.randn_like(p) * 0.1)
            elif "padding" in name:
                p.copy_(torch.randn_like(p))
            elif p.dim() == 1:
                p.copy_(1 + torch.randn_like(p) * 0.1)


def save(folder, name, t):
    path = os.path.join(OUT, folder, name + ".npy")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, t.detach().contiguous().numpy().astype(np.float32))


def write_set(folder, cfg, b, t, p, seed):
    torch.manual_seed(seed)
    g = cfg["grid"]
    model = CatSegFusion(cfg)
    randomise(model)
    model.eval()
    cost = torch.randn(b, cfg["hidden"], t, g, g)
    dense = torch.randn(b, cfg["dense"], g, g) + torch.linspace(-1, 1, g * g).reshape(1, 1, g, g)
    text = F.normalize(torch.randn(t, p, cfg["text"]), dim=-1)
    with torch.no_grad():
        outs = model(cost, dense, text)
    for k, v in model.named_parameters():
        save(folder, "weights/" + k, v)
    for k, v in model.named_buffers():
        save(folder, "buffers/" + k, v)
    save(folder, "cost", cost)
    save(folder, "dense", dense)
    save(folder, "text", text)
    for i, y in enumerate(outs):
        save(folder, f"layer{i}", y)
    print(folder or "main", [round(float(y.abs().mean()), 3) for y in outs], tuple(outs[-1].shape))


TINY = dict(layers=2, hidden=16, heads=4, window=4, grid=8, pool=2, pad_len=8, kind="linear", guidance=8,
            text_guidance=12, dense=32, text=32)


def fixtures():
    write_set("", TINY, b=2, t=3, p=2, seed=20250918)
    write_set("full", dict(TINY, layers=1, kind="full", pool=1), b=2, t=3, p=2, seed=5)
    write_set("nopad", dict(TINY, layers=1, pad_len=2), b=2, t=3, p=1, seed=6)
    write_set("grid24", dict(TINY, layers=1, window=12, grid=24, pad_len=256, guidance=16, text_guidance=16),
              b=1, t=3, p=1, seed=7)


PAPER = dict(layers=1, hidden=128, heads=4, window=12, grid=24, pool=2, pad_len=256, kind="linear", guidance=128,
             text_guidance=128, dense=512, text=512)


def bench():
    layer = AggregatorLayer(PAPER).eval()
    n = sum(p.numel() for p in layer.parameters())
    print("one paper-size CAT-Seg aggregator layer:", n, "parameters;",
          {k: sum(p.numel() for p in m.parameters()) for k, m in layer.named_children()})
    torch.manual_seed(0)
    x = torch.randn(1, 128, 17, 24, 24)
    g = torch.randn(1, 128, 24, 24)
    tg = torch.randn(1, 17, 128)
    for pool in (2, 1):
        layer.attention.pool = pool
        with torch.no_grad():
            for _ in range(3):
                t0 = time.perf_counter()
                c0 = time.process_time()
                layer(x, g, tg)
                print(f"pool {pool}: layer forward {1e3 * (time.perf_counter() - t0):.0f} ms wall,"
                      f" {1e3 * (time.process_time() - c0):.0f} ms cpu (torch threads {torch.get_num_threads()})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", action="store_true")
    args = parser.parse_args()
    fixtures()
    if args.bench:
        bench()
