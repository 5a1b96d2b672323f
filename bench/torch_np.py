"""A NumPy-spelled namespace over PyTorch, just wide enough for the matrix language.

The benchmark runs each model's own source under PyTorch autograd by rebinding the model's
global `np` to this module (and to jax.numpy / autograd.numpy for the other frameworks), so
that all frameworks differentiate the very same program. Only imported when torch is.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import torch

DTYPE = torch.float64
pi = math.pi
e = math.e


def _t(x):
    return x if isinstance(x, torch.Tensor) else torch.as_tensor(x, dtype=DTYPE)


def _elementwise(tfn, mfn):
    def f(x):
        if isinstance(x, torch.Tensor):
            return tfn(x)
        return mfn(x)

    return f


exp = _elementwise(torch.exp, math.exp)
log = _elementwise(torch.log, math.log)
log1p = _elementwise(torch.log1p, math.log1p)
sqrt = _elementwise(torch.sqrt, math.sqrt)
tanh = _elementwise(torch.tanh, math.tanh)
sin = _elementwise(torch.sin, math.sin)
cos = _elementwise(torch.cos, math.cos)


def sum(x):
    return torch.sum(_t(x))


def trace(x):
    return torch.trace(x)


def dot(x, y):
    return x @ y


matmul = dot


def outer(x, y):
    return torch.outer(x, y)


def transpose(x):
    return x.T


def diag(x):
    return torch.diag(x)


def eye(n):
    return torch.eye(int(n), dtype=DTYPE)


def _norm(x, ord=None):
    return torch.linalg.norm(x)


linalg = SimpleNamespace(
    inv=torch.linalg.inv,
    solve=torch.linalg.solve,
    det=torch.linalg.det,
    slogdet=torch.linalg.slogdet,
    norm=_norm,
)
