"""Shared test helpers: compile a model to a live module, evaluate IR, finite differences."""

from __future__ import annotations

import types

import numpy as np
from matgradc.api import compile_model
from matgradc.codegen import ALWAYS_INLINE, Namer, Printer
from matgradc.frontend import Model
from matgradc.ir import Graph, Value, reachable
from matgradc.rules import RULES


def load(source: str, fn: str, wrt: list[str] | None = None) -> types.ModuleType:
    """Compile `fn` of `source` and execute the generated module (never the model)."""
    text = compile_model(source, fn, wrt).module
    module = types.ModuleType(f"grad_{fn}")
    exec(compile(text, f"<grad_{fn}>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def evaluate(graph: Graph, params: list[Value], values: list[Value], args: list) -> list:
    """Evaluate IR values numerically through codegen's own spelling of every op: one
    statement per value (a block for multi-statement ops), executed in order."""
    import scipy.linalg

    model = Model("f", graph, params, [p.attr("name") for p in params], values[0], None, None)
    namer = Namer(model, {}, set())
    printer = Printer(graph, params, namer)
    inline = {v.id for v in graph.values if v.op in ALWAYS_INLINE}
    lines = []
    for v in reachable(values):
        if v.id in inline:
            continue
        name = namer.name(v)
        if RULES[v.op].statements:
            lines += printer.spell(v, inline, out=name)[0].split("\n")
        else:
            lines.append(f"{name} = {printer.spell(v, inline)[0]}")
    env = {"np": np, "scipy": scipy, **{p.attr("name"): a for p, a in zip(params, args)}}
    exec("\n".join(lines), env)  # noqa: S102 -- our own IR, spelled by codegen
    return [
        env[namer.name(v)] if v.id not in inline else eval(printer.expr(v, inline)[0], env)
        for v in values
    ]


def central_gradient(f, args: list, k: int, h: float = 1e-6) -> np.ndarray:
    """d f / d args[k] entry by entry, by central differences."""
    x = np.asarray(args[k], dtype=float)
    out = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        plus, minus = list(args), list(args)
        plus[k], minus[k] = x + e, x - e
        if x.ndim == 0:
            plus[k], minus[k] = float(plus[k]), float(minus[k])
        out[idx] = (f(*plus) - f(*minus)) / (2 * h)
    return out


def spd(rng: np.random.Generator, n: int) -> np.ndarray:
    a = rng.standard_normal((n, n))
    return a @ a.T / n + np.eye(n)
