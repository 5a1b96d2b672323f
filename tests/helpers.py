"""Shared test helpers: compile a model to a live module, the tests of a table of models
(against NumPy's finite differences, or refused), the command line in this process, evaluate
IR, the finite differences every test uses (`central` and what is built on it) and the input
builders of the model tables."""

from __future__ import annotations

import subprocess
import textwrap
import types

import numpy as np
from matgradc.api import compile_model
from matgradc.codegen import ALWAYS_INLINE, Namer, Printer
from matgradc.frontend import Model
from matgradc.ir import Graph, Value, reachable
from matgradc.rules import RULES


def numpy_model(source: str, fn: str = "f"):
    """The model as NumPy runs it: only a test executes a model, as the oracle."""
    env: dict = {}
    exec(compile(source, "<model>", "exec"), env)  # noqa: S102 -- the test's own oracle
    return env[fn]


def check_against_numpy(source: str, builders: list, fn: str = "f") -> None:
    """Compile `fn`, run value_and_grad_<fn> on inputs drawn by `builders`, and compare the
    value and every gradient (its shape, then central differences) with the model as NumPy
    runs it."""
    module = load(source, fn)
    f = numpy_model(source, fn)
    rng = np.random.default_rng(0)
    args = [b(rng) for b in builders]
    value, grads = getattr(module, f"value_and_grad_{fn}")(*args)
    assert np.isclose(value, f(*args), rtol=1e-10, atol=1e-10)
    for k, g in enumerate(grads):
        assert np.shape(g) == np.shape(args[k]), k
        fd = central_gradient(f, args, k)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-7 * (1 + abs(value)))


def check_refused(source: str, words: str, fn: str = "f") -> None:
    """Compiling `fn` is a located CompileError whose message holds `words`."""
    import pytest
    from matgradc.diagnostics import CompileError

    with pytest.raises(CompileError) as e:
        compile_model(source, fn)
    assert words in str(e.value), str(e.value)
    assert "error:" in str(e.value)


def model_source(header: str, body: str) -> str:
    """The module of a table's model: `header` (its imports), then `body`, the model's source
    as the table writes it (an indented triple-quoted block, or one string)."""
    return header + textwrap.dedent(body).strip("\n") + "\n"


def against_numpy_test(header: str, cases: dict):
    """The test, parametrized by name, that checks each model of `cases` (name -> (source of
    `f` after `header`, one input builder per parameter)) with check_against_numpy. A test
    module binds it to its own name: `test_gradient_matches_numpy_finite_differences = ...`."""
    import pytest

    @pytest.mark.parametrize("name", sorted(cases))
    def test(name):
        src, builders = cases[name]
        check_against_numpy(model_source(header, src), builders)

    return test


def refused_test(header: str, cases: dict):
    """The test, parametrized by name, that each model of `cases` (name -> (source of `f`
    after `header`, words of the error)) is refused by check_refused."""
    import pytest

    @pytest.mark.parametrize("name", sorted(cases))
    def test(name):
        src, words = cases[name]
        check_refused(model_source(header, src), words)

    return test


def captured(argv: list[str], cwd, env: dict | None = None) -> subprocess.CompletedProcess:
    """argv run to its end (a minute at most), its output captured as text, its exit code
    left for the test to check."""
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def cli_main(capsys, *argv: str) -> tuple[int, str, str]:
    """`matgradc ARGV` in this process: the exit status, stdout and stderr."""
    from matgradc import cli

    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def import_path(path, name: str) -> types.ModuleType:
    """Import the file `path` as Python does, registered as module `name` (a test's own model
    file, to compare with what matgradc read)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


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


# -- finite differences: the one implementation every test uses ---------------------------
def central(f, x, d, h: float = 1e-6):
    """The central difference (f(x + h d) - f(x - h d)) / 2h: the derivative of f at x along
    d, to O(h²). f may be array-valued; x a scalar (kept a Python float) or an array."""
    if np.ndim(x) == 0:
        return (f(float(x + h * d)) - f(float(x - h * d))) / (2 * h)
    x = np.asarray(x, dtype=float)
    return (np.asarray(f(x + h * d)) - np.asarray(f(x - h * d))) / (2 * h)


def second_central(f, x, d, h: float = 1e-4):
    """(f(x + h d) - 2 f(x) + f(x - h d)) / h²: the second derivative of f at x along d."""
    return (f(x + h * d) - 2 * f(x) + f(x - h * d)) / h**2


def _in(f, args, k):
    """f of args (a list, or a dict of keyword arguments) as a function of args[k] alone."""

    def g(x):
        new = dict(args) if isinstance(args, dict) else list(args)
        new[k] = x
        return f(**new) if isinstance(args, dict) else f(*new)

    return g


def directional(f, args, k, d, h: float = 1e-6):
    """The derivative of f(*args) (f(**args) for a dict) along d in argument k."""
    return central(_in(f, args, k), args[k], d, h)


def _units(x):
    """(index, unit array) for each entry of x."""
    for idx in np.ndindex(np.shape(x)):
        e = np.zeros(np.shape(x))
        e[idx] = 1.0
        yield idx, e


def central_gradient(f, args, k, h: float = 1e-6) -> np.ndarray:
    """d f / d args[k] entry by entry, by central differences (args a list, or a dict and k a
    name)."""
    x = args[k]
    out = np.zeros(np.shape(x))
    for idx, e in _units(x):
        out[idx] = directional(f, args, k, e, h)
    return out


def symmetric_gradient(f, args, k, h: float = 1e-6) -> np.ndarray:
    """The symmetric gradient G of f in the matrix args[k] (the convention of a parameter
    declared sym/spd): the derivative along E_ij + E_ji is G_ij + G_ji = 2 G_ij, G_ii on the
    diagonal."""
    n = np.shape(args[k])[0]
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            e = np.zeros((n, n))
            e[i, j] = e[j, i] = 1.0
            d = directional(f, args, k, e, h)
            out[i, j] = out[j, i] = d if i == j else d / 2
    return out


def jacobian(f, args, k, h: float = 1e-6) -> np.ndarray:
    """The (f.size, x.size) Jacobian of f in args[k], both sides flattened in C order."""
    x = args[k]
    cols = [np.ravel(directional(f, args, k, e, h)) for _, e in _units(x)]
    return np.array(cols).T


def hessian(f, args, k, h: float = 1e-4) -> np.ndarray:
    """The Hessian of the scalar f in args[k] (flattened in C order): central differences of
    central differences."""
    x = np.asarray(args[k], dtype=float)
    g = _in(f, args, k)
    units = [e for _, e in _units(x)]
    H = np.zeros((x.size, x.size))
    for i, ei in enumerate(units):
        for j, ej in enumerate(units):
            H[i, j] = central(lambda t, ej=ej: central(g, t, ej, h), x, ei, h)
    return H


def example_inputs(model, seed: int = 0) -> list:
    """Random inputs with a built model's shapes (each size name its own size, from 3) and
    structure: square matrices SPD (log det, Cholesky, sqrtm; lower triangular if declared
    so), scalars in [0.5, 1.5]."""
    g = model.graph
    sizes: dict = {}
    r = np.random.default_rng(seed)
    args = []
    for name, p in zip(model.param_names, model.params):
        if name in model.defaults:  # keyword defaults: left to the function's own default
            continue
        shape = []
        for d in p.shape:
            name = g.dim_name(d)
            shape.append(name if isinstance(name, int) else sizes.setdefault(name, 3 + len(sizes)))
        a = r.standard_normal(shape)
        if p.rank == 0:
            a = float(r.uniform(0.5, 1.5))
        elif p.rank == 2 and shape[0] == shape[1]:  # SPD (log det, Cholesky, sqrtm)
            a = a @ a.T / shape[0] + np.eye(shape[0])
            a = np.tril(a) if p.struct == "lower" else a
        elif p.rank > 2:  # stacks of factors (gmm): positive, so logs of entries are defined
            a = np.abs(a) + 0.5
        args.append(a)
    return args


def spd(rng: np.random.Generator, n: int) -> np.ndarray:
    a = rng.standard_normal((n, n))
    return a @ a.T / n + np.eye(n)


# -- input builders of the model tables: each draws one argument from a Generator -----------
def gen(shape):
    return lambda rng: rng.standard_normal(shape)


def pos(shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape)


def unit(shape):
    return lambda rng: rng.uniform(0.1, 0.9, shape)


def scalar(lo=-1.0, hi=1.0):
    return lambda rng: float(rng.uniform(lo, hi))


def spd_in(n: int):
    return lambda rng: spd(rng, n)
