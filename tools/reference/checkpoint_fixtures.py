"""Tiny PyTorch checkpoint files in every format the runtime's weight reader must understand.

Run with Debian's PyTorch 1.13 (apt-get install python3-torch python3-numpy):
    /usr/bin/python3 tools/reference/checkpoint_fixtures.py
Writes into platform-runtime/src/test/resources/weights/:
  basic_zip.pth, basic_legacy.pth   torch.save of an OrderedDict (zip and legacy format) with
                                    fp32/fp16/bf16/fp64/int64/int32/int8/uint8/bool tensors, a 0-d
                                    scalar, an empty tensor, a Parameter, a transposed view and a
                                    sliced view sharing one storage, and state_dict's _metadata
  dino_teacher.pth                  DINO training-checkpoint layout: teacher/student dicts, epoch
  detectron2_zip.pth,               detectron2 layout: {"model": ..., "iteration": 7, ...} with a
  detectron2_legacy.pth             NumPy scalar, a NumPy array and an argparse.Namespace
  whole_module.pth                  torch.save of an nn.Module object (not its state_dict)
  clip_like_script.pt               torch.jit.script archive named like OpenAI CLIP: nested
                                    submodules, fp16 and fp32 parameters, int64 scalar buffers,
                                    and a plain tensor attribute that state_dict() leaves out
and for each file <name>.json with what PyTorch reads back: for every tensor its dtype as the
Java reader returns it (bfloat16 widened to float32), the stored dtype, the shape and the values
flattened in row-major order (floats as exact Python floats, integers as integers).
"""
import argparse
import json
import os
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "platform-runtime", "src", "test", "resources", "weights")
os.makedirs(OUT, exist_ok=True)

DTYPE_NAMES = {
    torch.float32: "float32", torch.float16: "float16", torch.bfloat16: "bfloat16",
    torch.float64: "float64", torch.int64: "int64", torch.int32: "int32", torch.int8: "int8",
    torch.uint8: "uint8", torch.bool: "bool",
}


def describe(tensors):
    """Expected values for a flat name -> tensor mapping."""
    out = OrderedDict()
    for name, t in tensors.items():
        stored = DTYPE_NAMES[t.dtype]
        read = t.float() if t.dtype == torch.bfloat16 else t
        values = read.detach().contiguous().reshape(-1).tolist()
        out[name] = OrderedDict(
            dtype="float32" if stored == "bfloat16" else stored,
            storedDtype=stored,
            shape=list(t.shape),
            values=values,
        )
    return out


def write_expected(name, tensors, **extra):
    doc = OrderedDict(tensors=describe(tensors))
    doc.update(extra)
    with open(os.path.join(OUT, name + ".json"), "w") as f:  # one tensor a line
        f.write("{\n \"tensors\": {\n")
        f.write(",\n".join("  %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in doc.pop("tensors").items()))
        f.write("\n }")
        for k, v in doc.items():
            f.write(",\n %s: %s" % (json.dumps(k), json.dumps(v)))
        f.write("\n}\n")


def path(name):
    return os.path.join(OUT, name)


# ---------------------------------------------------------------- plain state dicts
torch.manual_seed(0)
base = torch.randn(3, 4)
basic = OrderedDict()
basic["f32"] = torch.randn(2, 3)
basic["f16"] = torch.randn(3, 2).half()
basic["bf16"] = torch.randn(5).bfloat16()
basic["f64"] = torch.randn(2, 2, dtype=torch.float64)
basic["i64"] = torch.tensor([0, -7, 2 ** 40 + 3, -(2 ** 62), 12345], dtype=torch.int64)
basic["i32"] = torch.tensor([[1, -2], [2 ** 30, -(2 ** 31)]], dtype=torch.int32)
basic["i8"] = torch.tensor([-128, -1, 0, 127], dtype=torch.int8)
basic["u8"] = torch.tensor([0, 1, 200, 255], dtype=torch.uint8)
basic["mask"] = torch.tensor([True, False, False, True, True])
basic["scalar"] = torch.tensor(2.5)
basic["empty"] = torch.zeros(0, 3)
basic["param"] = nn.Parameter(torch.randn(2, 2))
basic["base"] = base
basic["transposed"] = base.t()  # same storage, strides (1, 4)
basic["sliced"] = base[1:, 1:3]  # same storage, offset 5, strides (4, 1)
basic["half_t"] = torch.randn(2, 3).half().t()  # non-contiguous fp16
basic._metadata = OrderedDict({"": {"version": 1}})  # as nn.Module.state_dict() adds
assert basic["sliced"].storage_offset() == 5 and basic["transposed"].stride() == (1, 4)

torch.save(basic, path("basic_zip.pth"))
torch.save(basic, path("basic_legacy.pth"), _use_new_zipfile_serialization=False)
write_expected("basic_zip", basic)
write_expected("basic_legacy", basic)

# ---------------------------------------------------------------- DINO training checkpoint
teacher = OrderedDict()
teacher["module.backbone.cls_token"] = torch.randn(1, 1, 4)
teacher["module.backbone.blocks.0.norm1.weight"] = torch.randn(4)
teacher["module.head.last_layer.weight"] = torch.randn(3, 4)
student = OrderedDict((k, torch.randn(v.shape)) for k, v in teacher.items())
dino = {"teacher": teacher, "student": student, "epoch": 3, "args": argparse.Namespace(arch="vit_base", patch_size=8)}
torch.save(dino, path("dino_teacher.pth"))
write_expected("dino_teacher", teacher, topLevelKeys=sorted(dino.keys()))

# ---------------------------------------------------------------- detectron2 checkpoint
model = OrderedDict()
model["sem_seg_head.predictor.clip_model.visual.proj"] = torch.randn(4, 2)
model["sem_seg_head.predictor.clip_model.logit_scale"] = torch.tensor(4.6052)
model["upsample1.weight"] = torch.randn(4, 2, 2, 2)
model["backbone.bn.num_batches_tracked"] = torch.tensor(11)
model._metadata = OrderedDict({"": {"version": 1}})
d2 = {
    "model": model,
    "optimizer": {"state": {0: {"momentum_buffer": torch.randn(4, 2)}}, "param_groups": [{"lr": 0.1, "params": [0]}]},
    "scheduler": {"last_epoch": 7, "base_lrs": [0.1]},
    "iteration": 7,
    "best_miou": np.float64(0.5),
    "anchors": np.arange(3, dtype=np.int64),
    "args": argparse.Namespace(config_file="configs/vitb_384.yaml", num_gpus=1),
}
torch.save(d2, path("detectron2_zip.pth"))
torch.save(d2, path("detectron2_legacy.pth"), _use_new_zipfile_serialization=False)
for name in ("detectron2_zip", "detectron2_legacy"):
    write_expected(name, model, topLevelKeys=sorted(d2.keys()))

# ---------------------------------------------------------------- a pickled nn.Module object
torch.manual_seed(1)
whole = nn.Sequential(OrderedDict(fc=nn.Linear(3, 2), bn=nn.BatchNorm1d(2)))
whole.bn.register_buffer("scratch", torch.ones(2), persistent=False)
torch.save(whole, path("whole_module.pth"))
write_expected("whole_module", whole.state_dict())


# ---------------------------------------------------------------- TorchScript, CLIP-like names
class QuickGELU(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(1.702 * x)


class Attention(nn.Module):
    """Parameter names of nn.MultiheadAttention without its large TorchScript code."""

    def __init__(self, width: int):
        super().__init__()
        self.in_proj_weight = nn.Parameter(torch.randn(3 * width, width))
        self.in_proj_bias = nn.Parameter(torch.randn(3 * width))
        self.out_proj = nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        q, k, v = (x @ self.in_proj_weight.t() + self.in_proj_bias).chunk(3, dim=-1)
        return self.out_proj(torch.softmax(q @ k.transpose(-1, -2), dim=-1) @ v)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.attn = Attention(width)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(OrderedDict(c_fc=nn.Linear(width, 2 * width), gelu=QuickGELU(),
                                             c_proj=nn.Linear(2 * width, width)))
        self.ln_2 = nn.LayerNorm(width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.ln_1(x)
        x = x + self.attn(y)
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width: int, layers: int):
        super().__init__()
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width) for _ in range(layers)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.resblocks(x)


class VisionTransformer(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, kernel_size=4, stride=4, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(width))
        self.positional_embedding = nn.Parameter(torch.randn(5, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, 2)
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.randn(width, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv1(x).flatten(2).permute(2, 0, 1)
        x = self.ln_pre(x + self.positional_embedding[1:].unsqueeze(1))
        return self.ln_post(self.transformer(x)[0]) @ self.proj


class ClipLike(nn.Module):
    def __init__(self):
        super().__init__()
        self.visual = VisionTransformer(8)
        self.transformer = Transformer(8, 1)
        self.token_embedding = nn.Embedding(10, 8)
        self.positional_embedding = nn.Parameter(torch.randn(6, 8))
        self.ln_final = nn.LayerNorm(8)
        self.text_projection = nn.Parameter(torch.randn(8, 4))
        self.logit_scale = nn.Parameter(torch.ones([]) * 4.6052)
        self.register_buffer("input_resolution", torch.tensor(8))
        self.register_buffer("context_length", torch.tensor(6))
        self.register_buffer("vocab_size", torch.tensor(10))
        self.scratch = torch.zeros(3)  # a plain tensor attribute: not in state_dict()
        self.layers = 1  # a plain int attribute

    def forward(self, image: torch.Tensor, text: torch.Tensor) -> torch.Tensor:
        t = self.token_embedding(text) + self.positional_embedding
        t = self.ln_final(self.transformer(t.permute(1, 0, 2))[0]) @ self.text_projection
        return self.logit_scale * self.visual(image) @ t.t() + self.scratch.sum()


torch.manual_seed(2)
clip = ClipLike()
for p in clip.parameters():  # LayerNorm weights away from 1/0 so that a mix-up would show
    p.data.copy_(torch.randn(p.shape))


def to_fp16(m):  # what OpenAI's convert_weights does
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        m.weight.data = m.weight.data.half()
        if m.bias is not None:
            m.bias.data = m.bias.data.half()
    if isinstance(m, Attention):
        for n in ("in_proj_weight", "in_proj_bias"):
            getattr(m, n).data = getattr(m, n).data.half()
    for n in ("text_projection", "proj"):
        if hasattr(m, n):
            getattr(m, n).data = getattr(m, n).data.half()


clip.apply(to_fp16)
scripted = torch.jit.script(clip)
scripted.save(path("clip_like_script.pt"))
loaded = torch.jit.load(path("clip_like_script.pt"))
write_expected("clip_like_script", loaded.state_dict(), visualKeys=[k[len("visual."):] for k in loaded.state_dict() if k.startswith("visual.")])

print("wrote", sorted(os.listdir(OUT)))
