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


newaxis = None


def sum(x, axis=None):
    return torch.sum(_t(x)) if axis is None else torch.sum(_t(x), dim=axis)


def maximum(x, y):
    return torch.maximum(_t(x), _t(y))


def zeros(n):
    return torch.zeros(n, dtype=DTYPE)


def einsum(spec, *xs):
    return torch.einsum(spec, *xs)


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
    cholesky=torch.linalg.cholesky,
    inv=torch.linalg.inv,
    solve=torch.linalg.solve,
    det=torch.linalg.det,
    slogdet=torch.linalg.slogdet,
    norm=_norm,
)


# scipy.linalg's Cholesky and cho_solve, for models that import them (examples/sklearn_gp.py)
def cholesky(a, lower=False):
    L = torch.linalg.cholesky(a)
    return L if lower else L.mT


def cho_solve(factor, b):
    c, lower = factor
    column = b.ndim == 1
    x = torch.cholesky_solve(b[:, None] if column else b, c, upper=not lower)
    return x[:, 0] if column else x
