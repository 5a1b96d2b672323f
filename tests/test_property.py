"""Property tests (hypothesis).

(a) Random well-typed straight-line programs of the matrix language are compiled, and the
    generated gradient is compared with central finite differences of the program itself
    (run by NumPy: the program is test data written here, not a user's model).
(b) Random malformed sources (token soup, mutations of valid models, unsupported constructs)
    never crash the compiler: the exit status is 0 or 1, never 2, and there is no traceback.

`make test` uses the small "ci" profile (derandomized: the same examples every run);
`make fuzz` (MATGRADC_FUZZ=1) runs many more random examples. Show the counts with
`pytest tests/test_property.py --hypothesis-show-statistics`.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from helpers import central_gradient
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from matgradc import cli
from matgradc.api import compile_model

REPO = Path(__file__).resolve().parents[1]
FUZZ = os.environ.get("MATGRADC_FUZZ") == "1"

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile("fuzz" if FUZZ else "ci")
# examples per test: (ci, fuzz)
N_PROGRAMS = 3000 if FUZZ else 250
N_MALFORMED = 20000 if FUZZ else 1000
N_MUTATIONS = 20000 if FUZZ else 1000


# -- (a) random well-typed programs -----------------------------------------------------------
PARAMS = {"A": ("M", '"n,n"'), "B": ("M", '"n,n"'), "x": ("v", '"n"'), "c": ("s", '"scalar"')}


def paren(e: str) -> str:
    return e if re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*|[0-9.]+", e) else f"({e})"


# Constructors by result kind, each a template whose fields name the kind of an operand and
# its number ({M0} @ {M0}.T uses one matrix twice, {M0} @ {M1} two). Every operand is
# parenthesized, divisions are by positive quantities, logs of positive quantities, inverses
# and logdets of well-conditioned matrices (X Xᵀ + cI).
BUILD = {
    "M": [
        "{M0} + {M1}",
        "{M0} - {M1}",
        "{M0} * {M1}",
        "{M0} @ {M1}",
        "np.dot({M0}, {M1})",
        "{M0}.T",
        "np.transpose({M0})",
        "-{M0}",
        "np.tanh({M0})",
        "np.sin({M0})",
        "np.cos({M0})",
        "np.exp(0.5 * {M0})",
        "{M0} ** 2",
        "np.log(1.0 + {M0} * {M0})",
        "np.linalg.inv({M0} @ {M0}.T + 2.0 * I)",
        "np.linalg.inv({M0} @ {M0}.T + (1.0 + {s0} * {s0}) * I)",
        "{M0} / 3.0",
        "{s0} * {M0}",
        "{M0} / (1.0 + {s0} * {s0})",
        "{M0} / (1.0 + {M1} * {M1})",
        "np.outer({v0}, {v1})",
        "np.diag({v0})",
    ],
    "v": [
        "{M0} @ {v0}",
        "{v0} @ {M0}",
        "{v0} + {v1}",
        "{v0} * {v1}",
        "np.tanh({v0})",
        "np.sin({v0})",
        "np.diag({M0})",
        "{s0} * {v0}",
        "np.linalg.solve({M0} @ {M0}.T + I, {v0})",
    ],
    "s": [
        "np.trace({M0})",
        "np.sum({M0})",
        "{M0}.sum()",
        "np.sum({v0})",
        "{v0} @ {v1}",
        "np.dot({v0}, {v1})",
        "np.linalg.slogdet({M0} @ {M0}.T + I)[1]",
        "np.log(np.sum({M0} * {M0}) + 1.0)",
        "np.linalg.norm({M0} + I)",  # not at 0, where the norm has no derivative
        "np.log(1.0 + {s0} * {s0})",
        "np.tanh({s0})",
        "np.cos({s0})",
        "{s0} * {s1}",
        "{s0} - {s1}",
        "{s0} / (2.0 + np.sin({s1}))",
    ],
}
REDUCE = {
    "M": ["np.sum({0})", "np.trace({0})", "np.sum({0} * {0})"],
    "v": ["np.sum({0})", "{0} @ {0}"],
    "s": ["{0}"],
}


FIELD = re.compile(r"\{([Msv][0-9])\}")  # an operand of a BUILD template: its kind and number
USED: set[str] = set()  # the constructors drawn so far


def expr_of(draw, kind: str, pool: dict[str, list[str]], depth: int) -> str:
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        if pool[kind]:
            return draw(st.sampled_from(pool[kind]))
        if kind == "v":
            return f"np.diag({draw(st.sampled_from(pool['M']))})"
        if kind == "s":
            return draw(st.sampled_from(["0.7", "1.5", "2.0"]))
    template = draw(st.sampled_from(BUILD[kind]))
    USED.add(template)
    fields = dict.fromkeys(FIELD.findall(template))  # each operand once, in order
    operands = {field: paren(expr_of(draw, field[0], pool, depth - 1)) for field in fields}
    return template.format(**operands)


@st.composite
def programs(draw) -> tuple[str, list[str]]:
    """(source, parameter names) of a random well-typed program `f` returning a scalar."""
    names = draw(
        st.lists(st.sampled_from(list(PARAMS)), min_size=1, max_size=4, unique=True).filter(
            lambda ps: any(PARAMS[p][0] == "M" for p in ps)
        )
    )
    names = [p for p in PARAMS if p in names]  # signature order
    pool: dict[str, list[str]] = {"M": [], "v": [], "s": []}
    for p in names:
        pool[PARAMS[p][0]].append(p)
    first = next(p for p in names if PARAMS[p][0] == "M")
    body = [f"I = np.eye({first}.shape[0])"]
    # local names that also exercise codegen's naming: t1 (its temporaries), value, g_A, ...
    local_names = iter(["t1", "value", "g_A", "grads", "t2", "u", "w", "y", "z", "t3"])
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.integers(0, 9)) == 0:
            m = paren(expr_of(draw, "M", pool, 1))
            sign, logdet = next(local_names), next(local_names)
            body.append(f"{sign}, {logdet} = np.linalg.slogdet({m} @ {m}.T + I)")
            pool["s"].append(logdet)
            continue
        kind = draw(st.sampled_from(["M", "M", "v", "s"]))
        name = next(local_names)
        body.append(f"{name} = {expr_of(draw, kind, pool, draw(st.integers(1, 3)))}")
        pool[kind].append(name)
    terms = []
    for kind, values in pool.items():
        for v in values:
            if draw(st.booleans()) or v == body[-1].split(" ")[0]:
                coef = draw(st.sampled_from(["", "0.5 * ", "-0.25 * "]))
                terms.append((kind, coef + draw(st.sampled_from(REDUCE[kind])).format(v)))
    if not any(kind != "s" for kind, _ in terms):
        # A return value that is a parameter or a constant is a known codegen bug
        # (test_return_of_a_parameter_or_constant); always depending on an array through an
        # op keeps it out of the random programs, so that they check everything else.
        terms.append(("M", REDUCE["M"][0].format(first)))
    terms = [t for _, t in terms]
    signature = ", ".join(f"{p}: {PARAMS[p][1]}" for p in names)
    source = (
        "import numpy as np\n\n\n"
        f"def f({signature}):\n"
        + "".join(f"    {line}\n" for line in body)
        + f"    return {' + '.join(terms)}\n"
    )
    return source, names


@pytest.mark.parametrize(
    "body",
    [
        "return c",
        "t1 = c\n    return t1",
        "t1 = 0.7\n    return t1",
        "return 2.0",
        "return A.shape[0] * 1.0",
    ],
)
def test_return_of_a_parameter_or_constant(body):
    source = f'import numpy as np\n\n\ndef f(A: "n,n", c: "scalar"):\n    {body}\n'
    namespace: dict = {}
    exec(compile(source, "<program>", "exec"), namespace)  # noqa: S102 -- this test's program
    module = run_generated(compile_model(source, "f").module)
    A = np.arange(4.0).reshape(2, 2)
    value, (g_A, g_c) = module.value_and_grad_f(A, 0.3)
    assert value == namespace["f"](A, 0.3) == module.f(A, 0.3)
    np.testing.assert_array_equal(g_A, np.zeros((2, 2)))
    assert g_c == (1.0 if "c" in body else 0.0)


def run_generated(text: str) -> types.ModuleType:
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def inputs(names: list[str], n: int, seed: int) -> list:
    rng = np.random.default_rng(seed)
    shapes = {"M": (n, n), "v": (n,), "s": ()}
    out = []
    for p in names:
        a = 0.5 * rng.standard_normal(shapes[PARAMS[p][0]])
        out.append(float(a) if a.ndim == 0 else a)
    return out


def gradient_errors(f, args: list, grads, names: list[str], value: float) -> list[str]:
    """The gradients that differ from central differences of f (tolerance relative to the
    size of the value and of the gradient)."""
    bad = []
    for k, g in enumerate(grads):
        expected = central_gradient(f, args, k, 1e-5)
        if np.shape(g) != np.shape(args[k]):
            bad.append(f"gradient of {names[k]} has shape {np.shape(g)}")
            continue
        tol = 1e-5 * (1.0 + abs(value) + np.max(np.abs(expected)))
        err = np.max(np.abs(np.asarray(g) - expected))
        if not err <= tol:
            bad.append(f"gradient of {names[k]}: error {err:.3g} > {tol:.3g}")
    return bad


def test_the_gradient_check_catches_small_errors():
    """The comparison used above is a real check: 0.1% off, a transposed gradient, a wrong
    shape are all caught."""
    names = ["A", "x"]
    A = np.array([[0.3, -0.2, 0.5], [0.1, 0.4, -0.3], [-0.6, 0.2, 0.1]])
    x = np.array([0.2, -0.5, 0.3])

    def f(A, x):
        return np.sum(np.tanh(A @ A)) + x @ A @ x

    value = f(A, x)
    h = 1e-6
    exact = [central_gradient(f, [A, x], 0, h), central_gradient(f, [A, x], 1, h)]
    assert gradient_errors(f, [A, x], exact, names, value) == []
    assert len(gradient_errors(f, [A, x], [exact[0] * 1.001, exact[1]], names, value)) == 1
    assert len(gradient_errors(f, [A, x], [exact[0].T, exact[1]], names, value)) == 1
    assert len(gradient_errors(f, [A, x], [exact[0], exact[1][:2]], names, value)) == 1


COUNTS = {"programs": 0, "checked": 0, "malformed": 0, "mutations": 0}


@settings(PROFILE, max_examples=N_PROGRAMS)
@given(program=programs(), n=st.integers(2, 4), seed=st.integers(0, 2**32 - 1))
def test_random_programs_match_finite_differences(program, n, seed):
    source, names = program
    note(source)
    COUNTS["programs"] += 1
    # The program, run by NumPy (test data of this file, not a model read by matgradc).
    namespace: dict = {}
    exec(compile(source, "<program>", "exec"), namespace)  # noqa: S102
    f = namespace["f"]
    args = inputs(names, n, seed)
    with np.errstate(all="ignore"):
        value = f(*args)
    assume(np.isfinite(value) and abs(value) < 1e4)

    compiled = compile_model(source, "f")
    module = run_generated(compiled.module)
    got_value, grads = module.value_and_grad_f(*args)
    scale = 1.0 + abs(value)
    assert abs(got_value - value) <= 1e-9 * scale, (got_value, value)
    assert abs(module.f(*args) - value) <= 1e-9 * scale
    assert len(grads) == len(names)
    assert gradient_errors(f, args, grads, names, value) == []
    alone = module.grad_f(*args)
    if len(names) == 1:
        np.testing.assert_array_equal(alone, grads[0])
    else:
        assert len(alone) == len(names)
    COUNTS["checked"] += 1


def test_programs_strategy_produces_every_construct():
    """The generator is not vacuous: over a fixed sample it uses every constructor."""
    seen = []

    @settings(PROFILE, max_examples=300, derandomize=True, database=None)
    @given(programs())
    def collect(program):
        seen.append(program[0])

    USED.clear()
    collect()
    assert USED == {template for templates in BUILD.values() for template in templates}
    assert any("= np.linalg.slogdet(" in s for s in seen)
    assert max(s.count("\n") for s in seen) >= 10  # some programs are several lines long


# -- (b) malformed sources never crash the compiler ----------------------------------------------
VALID = [
    (REPO / "examples" / name).read_text(encoding="utf-8")
    for name in ("covariance.py", "gaussian_nll.py", "ridge.py", "mlp.py", "talk_inverse.py")
]
VALID_FNS = ["covariance", "gaussian_nll", "ridge", "mlp_loss", "talk_inverse"]

TOKENS = [
    "np",
    "A",
    "B",
    "x",
    "y",
    "c",
    "f",
    "def",
    "return",
    "import",
    "numpy",
    "as",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ".T",
    "@",
    "+",
    "-",
    "*",
    "/",
    "**",
    "//",
    "%",
    "=",
    "==",
    "+=",
    "-=",
    "<",
    ">",
    "and",
    "or",
    "not",
    "if",
    "else",
    "for",
    "in",
    "range",
    "while",
    "lambda",
    "yield",
    "await",
    "async",
    "with",
    "try",
    "except",
    "pass",
    "None",
    "True",
    "False",
    "0",
    "1",
    "2.5",
    "1e-8",
    "1j",
    "'a'",
    '"s"',
    "np.linalg.",
    "inv",
    "det",
    "slogdet",
    "solve",
    "trace",
    "sum",
    "exp",
    "log",
    "eye",
    "diag",
    "outer",
    "shape",
    "len",
    "[0]",
    "[1]",
    "axis=",
    "keepdims=",
    "...",
    ";",
    "\\",
    "#",
    "global",
    "nonlocal",
    "del",
    "assert",
    "raise",
    "class",
    "print",
    "*",
    "**",
    "->",
    ":=",
    "~",
    "^",
    "|",
    "&",
    ">>",
    "<<",
    "!",
]
WHITESPACE = [" ", "\n", "\n    ", "\n        ", "\t", ""]

UNSUPPORTED = [
    "if A: pass",
    "for i in range(3): pass",
    "for i in range(3):\n        y = A",
    "while False: pass",
    "y = [1, 2]",
    "y = A[0]",
    "y = A[0, 1]",
    "y = A[:, 0]",
    "import os",
    "from numpy import *",
    "global q",
    "del A",
    "with open('x') as h: pass",
    "y = lambda: 0",
    "yield A",
    "return",
    "return A",
    "return 1j",
    "return None",
    "async def g(): pass",
    "def g(): pass",
    "class K: pass",
    "A.shape = 3",
    "A[0] = 1",
    "print(A)",
    "y = A if A else A",
    "y = np.fft.fft(A)",
    "y = np.sum(A, axis=0)",
    "y = np.sum(A, keepdims=True)",
    "y = f(A)",
    "y = *A",
    "y = f'{A}'",
    "y = A ** A",
    "y = 1j * A",
    "y = True",
    "y = None",
    "y = 'text'",
    "y = b'bytes'",
    "y = A < A",
    "y = A and A",
    "y = not A",
    "y = ~A",
    "y = A // 2",
    "y = A % 2",
    "y = {}",
    "y = (A, A)",
    "y, z = A",
    "y, z = A, A",
    "y = z = A",
    "y: int",
    "y: 'n,n' = A",
    "y = np.eye(A)",
    "y = np.eye(0)",
    "y = np.eye(2.5)",
    "y = np.eye(-1)",
    "y = A.shape",
    "y = A.shape[5]",
    "y = A.shape[-7]",
    "y = len(1.0)",
    "y = len(A, A)",
    "y = np.linalg.norm(A, 1)",
    "y = np.linalg.norm(A, ord=3)",
    "y = np.linalg.slogdet(A)[2]",
    "y = np.linalg.slogdet(A)[-3]",
    "y = np.linalg.slogdet(A)",
    "y = np.linalg.inv()",
    "y = np.linalg.inv(A, A)",
    "y = np.trace(**A)",
    "y = np.pi.real",
    "y = np",
    "y = np.linalg",
    "y = A.foo",
    "y = A.sum(0)",
    "y = A.dot()",
    "y = np.dot(A)",
    "y = 1e400 * A",
    "y = 10 ** 400",
    "y = 0 / 0",
    "y = A / 0",
    "y = np.outer(A, A)",
    "y = np.diag(1.0)",
    "y = np.log(-1.0)",
    "y = A @ 2.0",
    "y = A.T.T.T.T",
    "y = x @ x @ x",
    "x += x",
    "A @= A",
    "y = -(-(-A))",
    "assert A",
    "raise ValueError",
    "try:\n        pass\n    except Exception:\n        pass",
    "y = (yield)",
    "y = [i for i in A]",
    "y = (i for i in A)",
    "y = (z := A)",
    "nonlocal q",
    "pass",
    '"""docstring"""',
    "...",
    "y = ...",
    "y = A\\\n        @ A",
    "y = 'é' ; z = A",
]


def compile_in_process(
    tmp: Path, source: str, fn: str, extra: tuple[str, ...] = ()
) -> tuple[int, str, str]:
    """cli.main on `source` (written to a file), in this process: (status, stdout, stderr)."""
    (tmp / "m.py").write_text(source, encoding="utf-8", errors="surrogatepass")
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["m.py", "--fn", fn, "-o", "out.py", *extra])
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()


def assert_no_crash(tmp: Path, source: str, fn: str, extra: tuple[str, ...] = ()) -> int:
    if (tmp / "out.py").exists():
        (tmp / "out.py").unlink()
    code, stdout, stderr = compile_in_process(tmp, source, fn, extra)
    assert code in (0, 1), f"exit status {code}\n{stderr}\n--- source:\n{source}"
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    if code == 1:
        first = stderr.splitlines()[0] if stderr else ""
        assert re.match(r"m\.py(:\d+:\d+)?: error: \S", first), stderr
        assert not (tmp / "out.py").exists()
    elif "ir" not in extra:
        ast.parse((tmp / "out.py").read_text(encoding="utf-8"))
    assert stdout == ""
    return code


# Models with stray backslashes make `ast.parse` warn (invalid escape sequence): not our concern.
PARSE_WARNINGS = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@st.composite
def token_soup(draw) -> str:
    parts = draw(
        st.lists(
            st.tuples(st.sampled_from(TOKENS), st.sampled_from(WHITESPACE)), min_size=0, max_size=30
        )
    )
    soup = "".join(t + w for t, w in parts)
    wrapper = draw(
        st.sampled_from(
            [
                "{}",
                "import numpy as np\n\n\ndef f(A, x):\n    return {}\n",
                "import numpy as np\n\n\ndef f(A: 'n,n', x: 'n'):\n    y = {}\n    return np.sum(y)\n",
                "import numpy as np\n\n\ndef f({}):\n    return np.trace(A)\n",
                "import numpy as np\n\n\ndef f(A):\n    {}\n",
            ]
        )
    )
    return wrapper.replace("{}", soup)


@PARSE_WARNINGS
@settings(PROFILE, max_examples=N_MALFORMED)
@given(source=st.one_of(token_soup(), st.text(max_size=200)))
def test_malformed_sources_never_crash(fuzz_dir, source):
    COUNTS["malformed"] += 1
    assert_no_crash(fuzz_dir, source, "f")


@st.composite
def mutations(draw) -> tuple[str, str]:
    k = draw(st.integers(0, len(VALID) - 1))
    source, fn = VALID[k], VALID_FNS[k]
    for _ in range(draw(st.integers(1, 3))):
        what = draw(st.sampled_from(["delete", "insert-char", "construct", "duplicate", "swap"]))
        if not source:
            break
        i = draw(st.integers(0, len(source) - 1))
        if what == "delete":
            source = source[:i] + source[i + draw(st.integers(1, 8)) :]
        elif what == "insert-char":
            c = draw(st.sampled_from(list("()[]:,.@*+-/=\n '\"#\\") + ["    ", "np.", "T", "0"]))
            source = source[:i] + c + source[i:]
        elif what == "construct":
            lines = source.split("\n")
            body = [j for j, line in enumerate(lines) if line.startswith("    ")] or [0]
            at = draw(st.sampled_from(body))
            indent = draw(st.sampled_from(["    ", "    ", "", "        "]))
            lines.insert(at, indent + draw(st.sampled_from(UNSUPPORTED)))
            source = "\n".join(lines)
        elif what == "duplicate":
            lines = source.split("\n")
            j = draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines[j])
            source = "\n".join(lines)
        else:  # swap two names of the source
            words = sorted(set(re.findall(r"\b[A-Za-z_]\w*\b", source)))
            a, b = draw(st.sampled_from(words)), draw(st.sampled_from(words))
            source = re.sub(rf"\b{a}\b", b, source, count=draw(st.integers(1, 3)))
    words = sorted(set(re.findall(r"\b[A-Za-z_]\w*\b", source))) or ["A"]
    extra = draw(
        st.sampled_from(
            [(), (), (), ("--emit", "ir"), ("--wrt", draw(st.sampled_from(words)))]
            + [("--wrt", draw(st.sampled_from(words)) + "," + draw(st.sampled_from(words)))]
        )
    )
    return source, fn, extra


@PARSE_WARNINGS
@settings(PROFILE, max_examples=N_MUTATIONS)
@given(case=mutations())
def test_mutated_models_never_crash(fuzz_dir, case):
    COUNTS["mutations"] += 1
    source, fn, extra = case
    note(f"{extra}\n{source}")
    assert_no_crash(fuzz_dir, source, fn, extra)


@pytest.mark.parametrize("construct", UNSUPPORTED)
def test_each_unsupported_construct_is_a_clean_result(tmp_path, construct):
    """Every construct of the list, inserted in a valid model, deterministically."""
    source = (
        "import numpy as np\n\n\n"
        "def f(A: 'n,n', x: 'n'):\n"
        f"    {construct}\n"
        "    return np.trace(A @ A) + x @ x\n"
    )
    assert_no_crash(tmp_path, source, "f")


SUBPROCESS_CASES = [
    "def f(A:\n",
    "import numpy as np\n\n\ndef f(A):\n    return np.linalg.slogdet(A)[7]\n",
    "import numpy as np\n\n\ndef f(A):\n    y = A[0]\n    return y\n",
    "\x00\x01 def",
    "import numpy as np\n\n\ndef f(A: 'n,n'):\n    y = np.eye(A)\n    return np.trace(y)\n",
]


@pytest.mark.parametrize("source", SUBPROCESS_CASES)
def test_malformed_sources_via_subprocess(tmp_path, source):
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "matgradc", "m.py", "--fn", "f", "-o", "out.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    if r.returncode == 1:
        assert re.match(r"m\.py(:\d+:\d+)?: error: ", r.stderr), r.stderr


def test_report_counts():
    """Runs last in this file: how many examples the property tests above ran (visible with
    -rA or -s; checked so that a vacuous run fails)."""
    print(f"\nproperty-test examples: {COUNTS}")
    if COUNTS["programs"]:  # the programs test ran in this session
        assert COUNTS["checked"] >= COUNTS["programs"] // 2, COUNTS
