"""Reference fixtures for plugins/backbone-clip (CLIP / RemoteCLIP towers of RSKT-Seg).

A PyTorch re-implementation, written from method.md (sections 1.1-1.3, 11.1, 11.2, 11.5, 14.1,
14.2), of OpenAI CLIP's vision and text transformers and of the RSKT-Seg / CAT-Seg dense last
block. It builds TINY randomly initialised models and writes, into
plugins/backbone-clip/src/test/resources/reference/:

  clip_tiny_openai.pt               OpenAI-style TorchScript archive: OpenAI key names (fused
                                    attn.in_proj_weight), conv/Linear/attention/projection
                                    tensors in fp16, the int64 scalars input_resolution,
                                    context_length, vocab_size as buffers
  clip_tiny_remoteclip.pt           RemoteCLIP-style torch.save state dict (zip), fp32, no scalars
  clip_tiny_remoteclip_legacy.pt    the same, _use_new_zipfile_serialization=False
  clip_tiny_remoteclip.safetensors  the same tensors, for tests that cannot read torch.save files
  image_32.npy, image_48.npy        CLIP-normalised inputs (2, 3, S, S)
  openai_{dense,block0,block1}_{32,48}.npy, openai_plain_32.npy
                                    feature maps (B, C, g, g), CLS dropped; plain = ordinary last block
  openai_text_{single,rs}.npy       L2-normalised text embeddings (T, P, D)
  tokens_{single,rs}.npy            the byte-tokenizer ids of those prompts (T*P, 56), int64
  remoteclip_{dense,block0,block1}_48.npy, remoteclip_text_single.npy
                                    RemoteCLIP path: fp32 weights rounded through fp16 on load
  bpe_ids.npy + bpe_texts.txt       CLIP BPE ids (N, 77) of a few texts (only with --vocab)
  bpe_cases.json + bpe_cases.npy    CLIP BPE ids (N, 77) of every class name of the eight OVRSISBench
                                    datasets in the single template, plus edge cases (punctuation, '/',
                                    '-', runs of whitespace, non-ASCII, HTML entities, what ftfy
                                    changes); the JSON lists {group, name, text} per row and whether
                                    ftfy was used (only with --vocab)

Tiny architectures (mirrored by the Java tests), OpenAI-style: vision width 32, 3 blocks, 4 heads,
patch 8, pretrained grid 4 (32 px), output 16; text width 32, 2 blocks, 4 heads, output 16.
RemoteCLIP-style: the same with widths 16, 2 heads, output 8. Both: context 56, vocabulary 260
with the plugin's "bytes" tokenizer (ids = UTF-8 byte + 1, SOT 258, EOT 259).

Install once (Debian):  apt-get install python3-torch python3-numpy python3-regex
Run:  /usr/bin/python3 tools/reference/clip_reference.py [--vocab /work/shared/data/clip/bpe_simple_vocab_16e6.txt.gz]
      [--only-bpe]
(torch 1.13; python3-regex is only needed for --vocab; --only-bpe writes only the BPE files).

The BPE tokenizer below follows OpenAI's clip/simple_tokenizer.py rule for rule: basic_clean
(ftfy.fix_text, html.unescape twice, strip), whitespace_clean (regex \s+ -> ' ', strip), lower case,
the same split pattern with the `regex` module and IGNORECASE, GPT-2's byte table, merges applied
lowest rank first, left to right, [49406] ids [49407] padded to 77. ftfy is not a Debian package
here: the script uses it when it can be imported (e.g. PYTHONPATH pointing at the unpacked
ftfy-6.3.1 and wcwidth wheels) and otherwise skips that step, and bpe_cases.json records which.
"""
import argparse
import gzip
import html
import json
import os
import re
import struct

import numpy as np
import torch

try:  # OpenAI's tokenizer runs ftfy.fix_text first; not packaged for Debian, so optional here
    import ftfy as FTFY
except ImportError:
    FTFY = None
import torch.nn.functional as F
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plugins", "backbone-clip", "src", "test",
                   "resources", "reference")

# architecture of the OpenAI-style fixture; the RemoteCLIP-style one is narrower (REMOTE)
OPENAI = dict(v_width=32, v_layers=3, v_heads=4, patch=8, grid=4, embed=16, t_width=32, t_layers=2, t_heads=4)
REMOTE = dict(v_width=16, v_layers=3, v_heads=2, patch=8, grid=4, embed=8, t_width=16, t_layers=2, t_heads=2)
CONTEXT, VOCAB = 56, 260
CLASSES = ["bare soil", "Clutter/background", "tanks, storage"]
SINGLE = ["A photo of a {} in the scene"]
RS = ["a photo of a {} in the scene", "a remote sensing photo of {}", "a land cover scene including {}",
      "an aerial view of {}", "a satallite image of {}", "fields of {}", "a landscape covered with {}",
      "{} visible from above"]


# ----------------------------------------------------------------------------------------------
# model (OpenAI layout: nn.MultiheadAttention with a fused in_proj_weight)

class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Block(nn.Module):
    """Pre-LN residual block: x + attn(ln_1 x), then x + mlp(ln_2 x)."""

    def __init__(self, width, heads):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_1 = nn.LayerNorm(width, eps=1e-5)
        self.mlp = nn.Sequential()
        self.mlp.add_module("c_fc", nn.Linear(width, 4 * width))
        self.mlp.add_module("gelu", QuickGELU())
        self.mlp.add_module("c_proj", nn.Linear(4 * width, width))
        self.ln_2 = nn.LayerNorm(width, eps=1e-5)

    def forward(self, x, mask=None):
        # x: (L, N, D), sequence first as in CLIP
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False, attn_mask=mask)[0]
        return x + self.mlp(self.ln_2(x))

    def forward_dense(self, x):
        """method.md 1.3: value path through out_proj, residual = CLS token of the block input."""
        y = self.ln_1(x)
        d = x.shape[-1]
        w_v = self.attn.in_proj_weight[2 * d:3 * d]
        b_v = self.attn.in_proj_bias[2 * d:3 * d]
        v = F.linear(y, w_v, b_v)
        v = F.linear(v, self.attn.out_proj.weight, self.attn.out_proj.bias)
        v = v + x[:1]
        return v + self.mlp(self.ln_2(v))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads):
        super().__init__()
        self.resblocks = nn.Sequential(*[Block(width, heads) for _ in range(layers)])


class Visual(nn.Module):
    def __init__(self, a):
        super().__init__()
        width, self.grid, self.width = a["v_width"], a["grid"], a["v_width"]
        scale = width ** -0.5
        self.conv1 = nn.Conv2d(3, width, a["patch"], a["patch"], bias=False)
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn(self.grid * self.grid + 1, width))
        self.ln_pre = nn.LayerNorm(width, eps=1e-5)
        self.transformer = Transformer(width, a["v_layers"], a["v_heads"])
        self.ln_post = nn.LayerNorm(width, eps=1e-5)
        self.proj = nn.Parameter(scale * torch.randn(width, a["embed"]))

    def positions(self, grid):
        pos = self.positional_embedding
        if grid == self.grid:
            return pos
        patches = pos[1:].reshape(1, self.grid, self.grid, self.width).permute(0, 3, 1, 2)
        patches = F.interpolate(patches, size=(grid, grid), mode="bicubic", align_corners=False)
        patches = patches.squeeze(0).reshape(self.width, grid * grid).T
        return torch.cat([pos[:1], patches], dim=0)

    def features(self, image, dense=True):
        """Returns {block index: raw residual stream (N, L, D)} and ln_post(all tokens) @ proj."""
        x = self.conv1(image)
        n, d, g, _ = x.shape
        x = x.reshape(n, d, g * g).permute(0, 2, 1)
        cls = self.class_embedding + torch.zeros(n, 1, d)
        x = torch.cat([cls, x], dim=1) + self.positions(g)
        x = self.ln_pre(x).permute(1, 0, 2)
        taps = {}
        blocks = self.transformer.resblocks
        for i, block in enumerate(blocks):
            x = block.forward_dense(x) if dense and i == len(blocks) - 1 else block(x)
            taps[i] = x.permute(1, 0, 2)
        out = self.ln_post(x.permute(1, 0, 2)) @ self.proj
        return taps, out

    def forward(self, image):
        return self.features(image)[1]


class Clip(nn.Module):
    def __init__(self, a):
        super().__init__()
        width = a["t_width"]
        self.visual = Visual(a)
        self.transformer = Transformer(width, a["t_layers"], a["t_heads"])
        self.context, self.vocab = a.get("context", CONTEXT), a.get("vocab", VOCAB)
        self.token_embedding = nn.Embedding(self.vocab, width)
        self.positional_embedding = nn.Parameter(0.01 * torch.randn(self.context, width))
        self.ln_final = nn.LayerNorm(width, eps=1e-5)
        self.text_projection = nn.Parameter(width ** -0.5 * torch.randn(width, a["embed"]))
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))
        self.register_buffer("input_resolution", torch.tensor(a["grid"] * a["patch"]))
        self.register_buffer("context_length", torch.tensor(self.context))
        self.register_buffer("vocab_size", torch.tensor(self.vocab))

    def encode_text(self, tokens):
        x = self.token_embedding(tokens) + self.positional_embedding
        x = x.permute(1, 0, 2)
        # a local tensor, not a buffer: OpenAI's archives hold no attn_mask entry
        mask = torch.empty(self.context, self.context).fill_(float("-inf")).triu_(1)
        for block in self.transformer.resblocks:
            x = block(x, mask)
        x = self.ln_final(x.permute(1, 0, 2))
        return x[torch.arange(x.shape[0]), tokens.argmax(dim=-1)] @ self.text_projection

    def forward(self, image, tokens):
        return self.visual(image), self.encode_text(tokens)


def randomise(model):
    """Non-trivial values everywhere (biases and LayerNorm affine too), so every tensor matters."""
    g = torch.Generator().manual_seed(1234)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("logit_scale"):
                continue
            if "ln_" in name:
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.1 * torch.randn(p.shape, generator=g))
            elif name.endswith("bias"):
                p.copy_(0.05 * torch.randn(p.shape, generator=g))
            else:
                fan_in = p.shape[-1] if p.dim() > 1 else p.shape[0]
                if p.dim() == 4:
                    fan_in = p.shape[1] * p.shape[2] * p.shape[3]
                p.copy_(torch.randn(p.shape, generator=g) / np.sqrt(fan_in))


def half_names(state_dict):
    """The tensors OpenAI's convert_weights keeps in fp16 (method.md 14.1/14.2)."""
    out = []
    for k in state_dict:
        if k in ("visual.conv1.weight", "visual.proj", "text_projection"):
            out.append(k)
        elif ".resblocks." in k and any(k.endswith(s) for s in (
                "attn.in_proj_weight", "attn.in_proj_bias", "attn.out_proj.weight", "attn.out_proj.bias",
                "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias")):
            out.append(k)
    return out


# ----------------------------------------------------------------------------------------------
# tokenizers

def byte_tokens(text):
    cleaned = re.sub(r"\s+", " ", text).strip().lower()
    ids = [VOCAB - 2] + [b + 1 for b in cleaned.encode("utf-8")] + [VOCAB - 1]
    assert len(ids) <= CONTEXT
    return ids + [0] * (CONTEXT - len(ids))


def prompts(templates):
    out = []
    for name in CLASSES:
        name = name.split(", ")[0]
        out.extend(t.replace("{}", name, 1) for t in templates)
    return out


class Bpe:
    """OpenAI's SimpleTokenizer algorithm (method.md 11.5), without ftfy."""

    def __init__(self, path):
        import regex
        bs = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
        cs = bs[:]
        n = 0
        for b in range(256):
            if b not in bs:
                bs.append(b)
                cs.append(256 + n)
                n += 1
        self.byte_encoder = dict(zip(bs, [chr(c) for c in cs]))
        lines = gzip.open(path).read().decode("utf-8").split("\n")[1:49152 - 256 - 2 + 1]
        merges = [tuple(line.split()) for line in lines]
        vocab = list(self.byte_encoder.values())
        vocab = vocab + [v + "</w>" for v in vocab] + ["".join(m) for m in merges]
        vocab += ["<|startoftext|>", "<|endoftext|>"]
        self.encoder = {v: i for i, v in enumerate(vocab)}
        self.ranks = {m: i for i, m in enumerate(merges)}
        self.pat = regex.compile(r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|"""
                                 r"""[^\s\p{L}\p{N}]+""", regex.IGNORECASE)
        self.regex = regex

    def bpe(self, token):
        if token in ("<|startoftext|>", "<|endoftext|>"):
            return [token]
        word = list(token[:-1]) + [token[-1] + "</w>"]
        while len(word) > 1:
            pairs = [(word[i], word[i + 1]) for i in range(len(word) - 1)]
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            merged, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and (word[i], word[i + 1]) == best:
                    merged.append(best[0] + best[1])
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        return word

    def tokenize(self, text):
        if FTFY is not None:
            text = FTFY.fix_text(text)
        text = html.unescape(html.unescape(text)).strip()
        text = self.regex.sub(r"\s+", " ", text).strip().lower()
        ids = [49406]
        for piece in self.regex.findall(self.pat, text):
            piece = "".join(self.byte_encoder[b] for b in piece.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(piece))
        ids.append(49407)
        assert len(ids) <= 77, text
        return ids + [0] * (77 - len(ids))


BPE_TEXTS = ["a photo of a cat", "A photo of a bare soil in the scene",
             "A photo of a Clutter/background in the scene", "a satallite image of no-data",
             "{} visible from above", "It's 2024: the ROUNDABOUT's 3 lanes!!", "an aerial view of ships, harbor",
             "a land cover scene including low vegetation"]


# class names of the eight OVRSISBench datasets in index order (method.md section 7, datasets/*.json)
BENCHMARK = {
    "DLRSD": ["airplane", "bare soil", "buildings", "cars", "chaparral", "court", "dock", "field", "grass",
              "mobile home", "pavement", "sand", "sea", "ship", "tanks", "trees", "water"],
    "iSAID": ["ship", "storage tank", "baseball diamond", "tennis court", "basketball court", "ground track field",
              "bridge", "large vehicle", "small vehicle", "helicopter", "swimming pool", "roundabout",
              "soccer ball field", "plane", "harbor"],
    "Potsdam": ["Impervious surfaces", "Building", "Low vegetation", "Tree", "Car", "Clutter/background"],
    "Vaihingen": ["Impervious surfaces", "Building", "Low vegetation", "Tree", "Car", "Clutter/background"],
    "LoveDA": ["no-data", "Background", "Building", "Road", "Water", "Barren", "Forest", "Agriculture"],
    "UAVid": ["Background clutter", "Building", "Road", "Tree", "Low vegetation", "Moving car", "Static car", "Human"],
    "UDD5": ["Vegetation", "Building", "Road", "Vehicle", "Other"],
    "VDD": ["Other", "Wall", "Road", "Vegetation", "Vehicle", "Roof", "Water"],
}
# raw texts (no template): punctuation, '/', '-', whitespace runs, case, digits, contractions,
# non-ASCII, HTML entities, and characters ftfy changes (curly quotes, ligatures, full width, NFD)
EDGE_CASES = {
    "punctuation": ["Clutter/background", "no-data", "tennis court's net", "ships, harbor", "car (moving)",
                    "building; roof: red!", "road!!!", "tree?", "U.S. Route 66", "50% water", "C++ / C#",
                    "snake_case_name", "rock'n'roll", "it's they're I've I'm we'll she'd don't",
                    "...", "a.b.c", "\"quoted\" name", "#1 @home $5 ^_^ ~tilde~ `back` {braces} [brackets] <angle>"],
    "slash": ["road / street", "a//b", "/leading", "trailing/", "impervious/low vegetation/tree"],
    "hyphen": ["low-vegetation", "--double--", "-", "pre- and post-flood", "3-lane road", "non-ASCII-free"],
    "whitespace": ["low    vegetation", "  leading and trailing  ", "tab\tseparated", "new\nline", "cr\r\nlf",
                   "non\u00a0breaking space", "ideographic\u3000space", "   "],
    "case_digits": ["IMPERVIOUS SURFACES", "Road2024", "road 2024", "12345", "3D building", "x86_64"],
    "non_ascii": ["café", "Straße", "naïve façade", "Ölraffinerie", "水体", "建筑物 道路", "日本語のテキスト",
                  "Ελληνικά", "русский лес", "\U0001f697 car", "señal ñandú", "Zürich-Örlikon", "ŁÓDŹ"],
    "html": ["buildings &amp; roads", "&lt;b&gt;", "&#x41;&#66;", "&amp;amp;", "caf&eacute;", "AT&T", "a &nbsp; b"],
    "ftfy": ["\u201cbuilding\u201d", "\u2018tree\u2019", "\ufb01eld", "\uff32\uff2f\uff21\uff24",
             "cafe\u0301", "line\u2028break"],
}


def bpe_cases():
    """(group, name, text) rows: every benchmark class in the single template, then the edge cases."""
    rows = []
    for dataset, names in BENCHMARK.items():
        rows.extend((dataset, name, SINGLE[0].replace("{}", name, 1)) for name in names)
    for group, texts in EDGE_CASES.items():
        rows.extend((group, text, text) for text in texts)
    return rows


def write_bpe_files(vocab):
    bpe = Bpe(vocab)
    save("bpe_ids", torch.tensor([bpe.tokenize(t) for t in BPE_TEXTS]))
    with open(os.path.join(OUT, "bpe_texts.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(BPE_TEXTS) + "\n")
    rows = bpe_cases()
    save("bpe_cases", torch.tensor([bpe.tokenize(text) for _, _, text in rows]))
    doc = {"template": SINGLE[0], "ftfy": getattr(FTFY, "__version__", None) if FTFY else None,
           "rows": [{"group": g, "name": n, "text": t} for g, n, t in rows]}
    with open(os.path.join(OUT, "bpe_cases.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=True, indent=1)
        f.write("\n")
    print(f"BPE cases: {len(rows)} rows, ftfy {'used (' + doc['ftfy'] + ')' if FTFY else 'NOT available'}")


# ----------------------------------------------------------------------------------------------
# writers

def save(name, t):
    a = t.detach().contiguous().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    np.save(os.path.join(OUT, name + ".npy"), a.astype(np.int64 if a.dtype.kind == "i" else np.float32))


def feature_map(tokens):
    """(N, 1 + g*g, C) -> (N, C, g, g), CLS dropped."""
    n, length, c = tokens.shape
    g = int(round((length - 1) ** 0.5))
    return tokens[:, 1:, :].permute(0, 2, 1).reshape(n, c, g, g)


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


def outputs(model, prefix, images, text_sets):
    with torch.no_grad():
        for size, image in images.items():
            taps, dense = model.visual.features(image, dense=True)
            save(f"{prefix}_dense_{size}", feature_map(dense))
            for i in (0, 1):
                save(f"{prefix}_block{i}_{size}", feature_map(taps[i]))
        if prefix == "openai":
            _, plain = model.visual.features(images[32], dense=False)
            save("openai_plain_32", feature_map(plain))
        for label, templates in text_sets.items():
            tokens = torch.tensor([byte_tokens(p) for p in prompts(templates)])
            if prefix == "openai":
                save(f"tokens_{label}", tokens)
            emb = model.encode_text(tokens)
            emb = emb / emb.norm(dim=-1, keepdim=True)
            save(f"{prefix}_text_{label}", emb.reshape(len(CLASSES), len(templates), -1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab", help="bpe_simple_vocab_16e6.txt.gz: also write CLIP BPE reference ids")
    parser.add_argument("--only-bpe", action="store_true", help="write only the BPE files (needs --vocab)")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.only_bpe:
        if not args.vocab:
            parser.error("--only-bpe needs --vocab")
        write_bpe_files(args.vocab)
        return
    torch.manual_seed(0)
    images = {32: torch.randn(2, 3, 32, 32), 48: torch.randn(2, 3, 48, 48)}
    for size, image in images.items():
        save(f"image_{size}", image)

    # (a) OpenAI-style archive: trace in fp32, then store the convert_weights set as fp16
    openai = Clip(OPENAI).eval()
    randomise(openai)
    example = (images[32], torch.tensor([byte_tokens("a")]))
    traced = torch.jit.trace(openai, example, check_trace=False)
    halves = set(half_names(openai.state_dict()))
    with torch.no_grad():
        for name, p in traced.named_parameters():
            if name in halves:
                p.data = p.data.half()
    torch.jit.save(traced, os.path.join(OUT, "clip_tiny_openai.pt"))
    # the authors' load: read the archive's state dict, drop the scalars, .float()
    archived = torch.jit.load(os.path.join(OUT, "clip_tiny_openai.pt")).state_dict()
    assert set(archived) == set(openai.state_dict()), set(archived) ^ set(openai.state_dict())
    assert archived["visual.conv1.weight"].dtype == torch.float16
    assert archived["visual.class_embedding"].dtype == torch.float32
    assert archived["input_resolution"].dtype == torch.int64
    reference = Clip(OPENAI).eval()
    reference.load_state_dict({k: v.float() for k, v in archived.items()}, strict=False)
    outputs(reference, "openai", images, {"single": SINGLE, "rs": RS})

    # (b) RemoteCLIP-style state dict: fp32 values that fp16 cannot hold exactly
    remote = Clip(REMOTE).eval()
    randomise(remote)
    with torch.no_grad():
        for p in remote.parameters():
            p.add_(1e-4 * torch.randn(p.shape))
    sd = {k: v for k, v in remote.state_dict().items() if k not in ("input_resolution", "context_length", "vocab_size")}
    torch.save(sd, os.path.join(OUT, "clip_tiny_remoteclip.pt"))
    torch.save(sd, os.path.join(OUT, "clip_tiny_remoteclip_legacy.pt"), _use_new_zipfile_serialization=False)
    save_safetensors(os.path.join(OUT, "clip_tiny_remoteclip.safetensors"), sd)
    # the authors copy it into an fp16-converted model, then call .float()
    rounded = {k: (v.half().float() if k in set(half_names(sd)) else v) for k, v in sd.items()}
    remote_ref = Clip(REMOTE).eval()
    remote_ref.load_state_dict(rounded, strict=False)
    outputs(remote_ref, "remoteclip", {48: images[48]}, {"single": SINGLE})
    print("rounded through fp16:", len(half_names(sd)), "of", len(sd), "tensors")

    if args.vocab:
        write_bpe_files(args.vocab)
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total / 1024:.0f} KiB, into {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
