"""Reference outputs for the RSKT-Seg head plugins: rscma, rsfusion, rstransfer.

An independent PyTorch re-implementation written from docs method.md §2 (RS-CMA), §3 (RS-Fusion) and
§4 (RS-Transfer), at tiny widths, with the authors' parameter names. It uses the plain formulation
of the method (concatenations, einsum), not the Java plugins' shortcuts (guidance projected once
per image), so the parity tests check those too.

Run with Debian's PyTorch (1.13):
    /usr/bin/python3 tools/reference/head_reference.py
Writes, per plugin, into plugins/<plugin>/src/test/resources/reference/:
    weights/<parameter name>.npy   every parameter, float32, original key names
    state_dict.pt                  the same as a torch.save state dict (git-ignored: regenerate it)
    <input or output>.npy          fixed inputs and reference outputs
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))

# tiny sizes: B images, T classes, P templates, D text/dense width, G cost grid
B, T, P, D, G = 2, 3, 2, 32, 8
CLIP_BLOCK, REMOTE_BLOCK, DINO_WIDTH, DINO_GRID = 48, 64, 96, 16
HIDDEN, KERNEL = 16, 7
LAYERS, HEADS, SR, POOL, MLP_RATIO, GUIDANCE, TEXT_GUIDANCE = 2, 4, 2, 2, 3, 16, 16
GUIDANCE_DIMS, PROJ_DIMS, DECODER_DIMS = (16, 8), (4, 2), (32, 16)
TURNS = (0, 1, 2, 3)


# ---------------------------------------------------------------- RS-CMA (method.md §2)
class RsCma(nn.Module):
    def __init__(self):
        super().__init__()
        pad = KERNEL // 2
        self.conv1 = nn.Conv2d(len(TURNS) * P, HIDDEN, KERNEL, padding=pad)
        self.conv2 = nn.Conv2d(P, HIDDEN, KERNEL, padding=pad)
        self.fusion_corr = nn.Conv2d(2 * HIDDEN, HIDDEN, KERNEL, padding=pad)
        factor = DINO_GRID // G
        self.dino_down_sample = nn.Conv2d(DINO_WIDTH, D, factor, stride=factor)

    @staticmethod
    def main_cost(views, text):
        """views[n]: dense map of rot90(img, TURNS[n]); turned back by the inverse quarter turn."""
        feats = [torch.rot90(F.normalize(v, dim=1), k=(4 - k) % 4, dims=(2, 3)) for k, v in zip(TURNS, views)]
        f = torch.stack(feats, dim=1)  # B N C H W
        t = F.normalize(text, dim=-1)  # T P C
        corr = torch.einsum("bnchw,tpc->bnpthw", f, t)
        return corr.flatten(1, 2)  # B (N P) T H W

    def extra_cost(self, dino, text):
        d = F.normalize(self.dino_down_sample(dino), dim=1)
        return torch.einsum("bchw,tpc->bpthw", d, F.normalize(text, dim=-1))

    @staticmethod
    def maps(volume):
        b, c, t, h, w = volume.shape
        return volume.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)

    @staticmethod
    def volume(maps, b):
        bt, c, h, w = maps.shape
        return maps.reshape(b, bt // b, c, h, w).permute(0, 2, 1, 3, 4)

    def forward(self, views, dino, text):
        clip = torch.sigmoid(self.conv1(self.maps(self.main_cost(views, text))))
        other = torch.sigmoid(self.conv2(self.maps(self.extra_cost(dino, text))))
        fused = torch.sigmoid(self.fusion_corr(torch.cat([clip, other], dim=1)))
        return self.volume(fused + clip, views[0].shape[0])

    def forward_without_extra(self, views, text):
        """CAT-Seg path: conv1 alone, no sigmoid (method.md §14.4)."""
        return self.volume(self.conv1(self.maps(self.main_cost(views, text))), views[0].shape[0])


# ---------------------------------------------------------------- RS-Fusion (method.md §3)
def multi_head(q, k, v, heads):
    s, n, c = q.shape
    d = c // heads
    q = q.reshape(s, n, heads, d).permute(0, 2, 1, 3)
    k = k.reshape(s, -1, heads, d).permute(0, 2, 1, 3)
    v = v.reshape(s, -1, heads, d).permute(0, 2, 1, 3)
    attn = ((q @ k.transpose(-2, -1)) * d ** -0.5).softmax(dim=-1)
    return (attn @ v).transpose(1, 2).reshape(s, n, c)


class SpatialAttention(nn.Module):
    def __init__(self):
        super().__init__()
        both = HIDDEN + GUIDANCE
        self.q = nn.Linear(both, HIDDEN)
        self.k = nn.Linear(both, HIDDEN)
        self.v = nn.Linear(HIDDEN, HIDDEN)
        self.proj = nn.Linear(HIDDEN, HIDDEN)
        self.sr_k = nn.Conv2d(both, both, SR, stride=SR)
        self.norm_k = nn.LayerNorm(both)
        self.sr_v = nn.Conv2d(HIDDEN, HIDDEN, SR, stride=SR)
        self.norm_v = nn.LayerNorm(HIDDEN)

    def forward(self, a, g, h, w):
        s, n, c = a.shape
        xa = torch.cat([a, g], dim=-1)
        q = self.q(xa)
        kin = self.sr_k(xa.permute(0, 2, 1).reshape(s, -1, h, w)).flatten(2).transpose(1, 2)
        k = self.k(self.norm_k(kin))
        vin = self.sr_v(a.permute(0, 2, 1).reshape(s, c, h, w)).flatten(2).transpose(1, 2)
        v = self.v(self.norm_v(vin))
        return self.proj(multi_head(q, k, v, HEADS))


class DwConv(nn.Module):
    def __init__(self):
        super().__init__()
        self.dwconv = nn.Conv2d(HIDDEN, HIDDEN, 7, padding=3, groups=HIDDEN)


class SpatialMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(HIDDEN, MLP_RATIO * HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, MLP_RATIO * HIDDEN)
        self.fc3 = nn.Linear(MLP_RATIO * HIDDEN, HIDDEN)
        self.dwconv = DwConv()

    def forward(self, x, h, w):
        y = self.fc3(F.relu6(self.fc1(x)) * self.fc2(x))
        s, n, c = y.shape
        return self.dwconv.dwconv(y.transpose(1, 2).reshape(s, c, h, w)).flatten(2).transpose(1, 2)


class SpatialSa(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1 = nn.LayerNorm(HIDDEN)
        self.attention = SpatialAttention()
        self.norm2 = nn.LayerNorm(HIDDEN)
        self.mlp = SpatialMlp()

    def forward(self, x, g):
        """x (S, C, H, W) maps, g (S, G, H, W) guidance repeated per class."""
        s, c, h, w = x.shape
        x = x.flatten(2).transpose(1, 2)
        g = g.flatten(2).transpose(1, 2)
        x = x + self.attention(self.norm1(x), g, h, w)
        x = x + self.mlp(self.norm2(x), h, w)
        return x.transpose(1, 2).reshape(s, c, h, w)


class ClassAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(HIDDEN + TEXT_GUIDANCE, HIDDEN)
        self.k = nn.Linear(HIDDEN + TEXT_GUIDANCE, HIDDEN)
        self.v = nn.Linear(HIDDEN, HIDDEN)
        self.proj = nn.Linear(HIDDEN, HIDDEN)

    def forward(self, a, g):
        xa = torch.cat([a, g], dim=-1)
        return self.proj(multi_head(self.q(xa), self.k(xa), self.v(a), HEADS))


class ClassMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(HIDDEN, MLP_RATIO * HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, MLP_RATIO * HIDDEN)
        self.fc3 = nn.Linear(MLP_RATIO * HIDDEN, HIDDEN)

    def forward(self, x):
        return F.relu6(self.fc3(F.relu6(self.fc1(x)) * self.fc2(x)))  # trailing ReLU6


class ClassSa(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1 = nn.LayerNorm(HIDDEN)
        self.attention = ClassAttention()
        self.norm2 = nn.LayerNorm(HIDDEN)
        self.mlp = ClassMlp()

    def forward(self, x, g):
        x = x + self.attention(self.norm1(x), g)
        return x + self.mlp(self.norm2(x))


class SpatialFusion(nn.Module):
    def __init__(self):
        super().__init__()
        self.sa = SpatialSa()


class ClassFusion(nn.Module):
    def __init__(self):
        super().__init__()
        self.sa = ClassSa()

    def forward(self, x, text_guidance):
        """x (B, C, T, H, W); text_guidance (B, T, G_t)."""
        b, c, t, h, w = x.shape
        maps = x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)
        pooled = F.avg_pool2d(maps, POOL)
        hp, wp = pooled.shape[-2:]
        seq = pooled.reshape(b, t, c, hp, wp).permute(0, 3, 4, 1, 2).reshape(b * hp * wp, t, c)
        g = text_guidance[:, None, None].expand(b, hp, wp, t, -1).reshape(b * hp * wp, t, -1)
        y = self.sa(seq, g).reshape(b, hp, wp, t, c).permute(0, 3, 4, 1, 2).reshape(b * t, c, hp, wp)
        y = F.interpolate(y, size=(h, w), mode="bilinear", align_corners=True)
        out = maps + y  # the pooled block had its own residuals: the input is added twice (§14.3)
        return out.reshape(b, t, c, h, w).permute(0, 2, 1, 3, 4)


class FusionLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.spatial_fusion = SpatialFusion()
        self.class_fusion = ClassFusion()

    def forward(self, x, guidance, text_guidance):
        b, c, t, h, w = x.shape
        maps = x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)
        g = guidance[:, None].expand(b, t, *guidance.shape[1:]).reshape(b * t, *guidance.shape[1:])
        maps = self.spatial_fusion.sa(maps, g)
        x = maps.reshape(b, t, c, h, w).permute(0, 2, 1, 3, 4)
        return self.class_fusion(x, text_guidance)


class RsFusion(nn.Module):
    def __init__(self):
        super().__init__()
        self.guidance_projection = nn.Sequential(nn.Conv2d(D, GUIDANCE, 3, padding=1), nn.ReLU())
        self.text_guidance_projection = nn.Sequential(nn.Linear(D, TEXT_GUIDANCE), nn.ReLU())
        self.layers = nn.ModuleList([FusionLayer() for _ in range(LAYERS)])

    def forward(self, cost, dense, text):
        guidance = self.guidance_projection(dense)
        t = text.mean(dim=1)
        t = t / t.norm(dim=-1, keepdim=True)
        text_guidance = self.text_guidance_projection(t)[None].expand(cost.shape[0], -1, -1)
        outs = []
        x = cost
        for layer in self.layers:
            x = layer(x, guidance, text_guidance)
            outs.append(x)
        return outs


# ---------------------------------------------------------------- RS-Transfer (method.md §4)
class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.double_conv = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.GroupNorm(cout // 16, cout), nn.ReLU(),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.GroupNorm(cout // 16, cout), nn.ReLU())

    def forward(self, x):
        return self.double_conv(x)


class Up(nn.Module):
    def __init__(self, cin, cout, proj, sources):
        super().__init__()
        self.up = nn.ConvTranspose2d(cin, cin - proj, 2, stride=2)
        self.conv = DoubleConv(cin - proj + sources * proj, cout)

    def forward(self, x, guidances):
        x = self.up(x)
        for g in guidances:  # each (B, proj, H, W), repeated for the T classes of its image
            t = x.shape[0] // g.shape[0]
            x = torch.cat([x, g.repeat_interleave(t, dim=0)], dim=1)
        return self.conv(x)


def projections():
    return nn.ModuleList([nn.Sequential(nn.Conv2d(d, p, 3, padding=1), nn.ReLU())
                          for d, p in zip(GUIDANCE_DIMS, PROJ_DIMS)])


class RsTransfer(nn.Module):
    def __init__(self):
        super().__init__()
        self.upsample1 = nn.ConvTranspose2d(CLIP_BLOCK, GUIDANCE_DIMS[0], 2, stride=2)
        self.upsample2 = nn.ConvTranspose2d(CLIP_BLOCK, GUIDANCE_DIMS[1], 4, stride=4)
        self.CLIP_decoder_guidance_projection = projections()
        self.upsample1_remote = nn.ConvTranspose2d(REMOTE_BLOCK, GUIDANCE_DIMS[0], 2, stride=2)
        self.upsample2_remote = nn.ConvTranspose2d(REMOTE_BLOCK, GUIDANCE_DIMS[1], 4, stride=4)
        self.CLIP_decoder_guidance_projection_remote = projections()
        self.dino_decod_proj1 = nn.Conv2d(DINO_WIDTH, GUIDANCE_DIMS[0], 1)
        self.dino_decod_proj2 = nn.ConvTranspose2d(DINO_WIDTH, GUIDANCE_DIMS[1], 2, stride=2)
        self.DINO_decoder_guidance_projection = projections()
        self.Fusiondecoder1 = Up(HIDDEN, DECODER_DIMS[0], PROJ_DIMS[0], 3)
        self.Fusiondecoder2 = Up(DECODER_DIMS[0], DECODER_DIMS[1], PROJ_DIMS[1], 3)
        self.head = nn.Conv2d(DECODER_DIMS[1], 1, 3, padding=1)

    def forward(self, cost, taps):
        clip = [self.upsample1(taps["clip3"]), self.upsample2(taps["clip7"])]
        remote = [self.upsample1_remote(taps["remote3"]), self.upsample2_remote(taps["remote7"])]
        dino = [self.dino_decod_proj1(taps["dino3"]), self.dino_decod_proj2(taps["dino7"])]
        clip = [p(g) for p, g in zip(self.CLIP_decoder_guidance_projection, clip)]
        remote = [p(g) for p, g in zip(self.CLIP_decoder_guidance_projection_remote, remote)]
        dino = [p(g) for p, g in zip(self.DINO_decoder_guidance_projection, dino)]
        b, c, t, h, w = cost.shape
        x = cost.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)
        x = self.Fusiondecoder1(x, [clip[0], remote[0], dino[0]])
        x = self.Fusiondecoder2(x, [clip[1], remote[1], dino[1]])
        x = self.head(x)
        return x.reshape(b, t, *x.shape[-2:])


# ---------------------------------------------------------------- fixtures
def randomise(module):
    """Default weights, plus non-trivial biases and norm affines so that every parameter matters."""
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name.endswith("bias"):
                p.copy_(torch.randn_like(p) * 0.1)
            elif p.dim() == 1:  # LayerNorm / GroupNorm weights
                p.copy_(1 + torch.randn_like(p) * 0.1)


def writer(plugin):
    out = os.path.join(ROOT, "plugins", plugin, "src", "test", "resources", "reference")
    os.makedirs(os.path.join(out, "weights"), exist_ok=True)

    def save(name, t):
        np.save(os.path.join(out, name + ".npy"), t.detach().contiguous().numpy().astype(np.float32))

    def save_module(m):
        state = m.state_dict()
        torch.save(state, os.path.join(out, "state_dict.pt"))
        for k, v in state.items():
            save(os.path.join("weights", k), v)

    return save, save_module, out


def main():
    torch.manual_seed(20250917)
    ramp = torch.arange(G * G, dtype=torch.float32).reshape(1, 1, G, G) / (G * G)
    views = [torch.randn(B, D, G, G) + ramp for _ in TURNS]  # main-encoder maps of each rotated view
    dense0 = views[0]
    dino = torch.randn(B, DINO_WIDTH, DINO_GRID, DINO_GRID)
    text = F.normalize(torch.randn(T, P, D), dim=-1)
    taps = {"clip3": torch.randn(B, CLIP_BLOCK, G, G), "clip7": torch.randn(B, CLIP_BLOCK, G, G),
            "remote3": torch.randn(B, REMOTE_BLOCK, G, G), "remote7": torch.randn(B, REMOTE_BLOCK, G, G),
            "dino3": torch.randn(B, DINO_WIDTH, DINO_GRID, DINO_GRID),
            "dino7": torch.randn(B, DINO_WIDTH, DINO_GRID, DINO_GRID)}

    rscma, rsfusion, rstransfer = RsCma(), RsFusion(), RsTransfer()
    for m in (rscma, rsfusion, rstransfer):
        randomise(m)
        m.eval()

    with torch.no_grad():
        cost = rscma(views, dino, text)
        cost_no_extra = rscma.forward_without_extra(views, text)
        layers = rsfusion(cost, dense0, text)
        logits = rstransfer(layers[-1], taps)

    save, save_module, out = writer("aggregator-rscma")
    save_module(rscma)
    for n, v in enumerate(views):
        save(f"view{n}", v)
    save("dino_dense", dino)
    save("text", text)
    save("cost", cost)
    save("cost_no_extra", cost_no_extra)
    print("rscma", tuple(cost.shape), "->", out)

    save, save_module, out = writer("fusion-rsfusion")
    save_module(rsfusion)
    save("cost", cost)
    save("dense", dense0)
    save("text", text)
    for i, y in enumerate(layers):
        save(f"layer{i}", y)
    print("rsfusion", [round(float(y.abs().mean()), 3) for y in layers], "->", out)

    save, save_module, out = writer("decoder-rstransfer")
    save_module(rstransfer)
    save("cost", layers[-1])
    for k, v in taps.items():
        save(k, v)
    save("logits", logits)
    print("rstransfer", tuple(logits.shape), "->", out)


if __name__ == "__main__":
    main()
