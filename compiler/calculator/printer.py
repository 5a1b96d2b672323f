"""Printing the normal form: `Doc` trees chosen by length, rendered as NumPy text.

Among equivalent spellings the shortest wins: `(B @ A).T` or `A.T @ B.T`, a whole sum
transposed or not, common factors grouped (`(B + B.T) @ X`), common scalar and sign factors
taken out, sums in products expanded or not. `talk` renders the same trees in the talk's
notation (Xᵀ, X⁻¹) for the factors of a derivative.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import codegen
from ..diagnostics import CompileError
from ..ir import Value
from ..rules import RULES
from .normal import Algebra, Node, Sum, Term, mul_scal, tcount

# Python's operator precedences, as the printer needs them.
ATOM, POW, UNARY, MUL, ADD = 100, 90, 80, 70, 60


@dataclass(frozen=True)
class Doc:
    kind: str  # name num call T matmul mul div pow neg add had ediv eye zeros ones
    parts: tuple
    text: str
    prec: int


def fmt(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


def _paren(d: Doc, need: int) -> str:
    return f"({d.text})" if d.prec < need else d.text


def d_name(s: str) -> Doc:
    return Doc("name", (s,), s, ATOM)


def d_num(x: float) -> Doc:
    return Doc("num", (x,), fmt(x), ATOM)


def d_call(fn: str, args: list[Doc]) -> Doc:
    return Doc("call", (fn, *args), f"{fn}({', '.join(a.text for a in args)})", ATOM)


def d_T(x: Doc) -> Doc:
    return Doc("T", (x,), _paren(x, ATOM) + ".T", ATOM)


def d_matmul(xs: list[Doc]) -> Doc:
    if len(xs) == 1:
        return xs[0]
    xs = [y for x in xs for y in (x.parts if x.kind == "matmul" else (x,))]  # associativity
    return Doc("matmul", tuple(xs), " @ ".join(_paren(x, ATOM) for x in xs), MUL)


def d_mul(xs: list[Doc]) -> Doc:
    if len(xs) == 1:
        return xs[0]
    texts = []
    for i, x in enumerate(xs):
        last_chain = i == len(xs) - 1 and x.kind == "matmul"
        texts.append(x.text if last_chain else _paren(x, POW))
    return Doc("mul", tuple(xs), " * ".join(texts), MUL)


def d_div(a: Doc, b: Doc) -> Doc:
    return Doc("div", (a, b), f"{_paren(a, MUL)} / {_paren(b, POW)}", MUL)


def d_pow(a: Doc, p: float) -> Doc:
    return Doc("pow", (a, p), f"{_paren(a, ATOM)} ** {fmt(p)}", POW)


def d_neg(x: Doc) -> Doc:
    if x.prec < MUL:
        return Doc("neg", (x,), f"-({x.text})", UNARY)
    return Doc("neg", (x,), "-" + x.text, MUL if x.prec == MUL else UNARY)


def d_add(items: list[tuple[bool, Doc]]) -> Doc:
    if len(items) == 1:
        neg, x = items[0]
        return d_neg(x) if neg else x
    parts = []
    for i, (neg, x) in enumerate(items):
        if i == 0:
            parts.append(d_neg(x).text if neg else _paren(x, ADD))
        else:
            parts.append((" - " if neg else " + ") + _paren(x, ADD + 1))
    return Doc("add", tuple(items), "".join(parts), ADD)


def d_had(a: Doc, b: Doc, op: str = "*") -> Doc:
    kind = "had" if op == "*" else "ediv"
    return Doc(kind, (a, b), f"{_paren(a, ATOM)} {op} {_paren(b, ATOM)}", MUL)


def _cost(d: Doc) -> tuple[int, int]:
    return len(d.text), d.text.count(".T")


def _best(cands: list[Doc]) -> Doc:
    return min(cands, key=_cost)


class Printer:
    """Chooses and builds the Doc of a normal form; sizes and an op's attributes are spelled
    by the code generator's printer (`spelling`), as in a generated module."""

    def __init__(self, alg: Algebra, params: list[Value], spelling: codegen.Printer):
        self.alg = alg
        self.params = params
        self.spelling = spelling
        self.memo: dict[tuple, Doc] = {}

    def dim(self, d: int) -> tuple[str, int]:
        return self.spelling.dim(d), d

    # -- sums ---------------------------------------------------------------------------
    def sum(self, s: Sum, expand: bool = True) -> Doc:
        key = ("sum", s.k, expand)
        if key in self.memo:
            return self.memo[key]
        cands = [self.terms(s.terms, s.shape)]
        if s.rank == 2:
            st = self.alg.transpose(s)
            if st.k != s.k:
                cands.append(d_T(self.terms(st.terms, st.shape)))
        if expand:
            e = self.alg.expand(s)
            if e is not None and e.k != s.k:
                cands.append(self.sum(e, expand=False))
        out = _best(cands)
        self.memo[key] = out
        return out

    def terms(self, ts: tuple[Term, ...], shape: tuple) -> Doc:
        key = ("terms", tuple(t.k for t in ts), shape)
        if key in self.memo:
            return self.memo[key]
        alg = self.alg
        if not ts:
            if len(shape) == 0:
                return d_num(0)
            return Doc("zeros", (shape,), f"np.zeros({self.spelling.shape(shape)})", ATOM)
        cands = [self.plain(ts)]
        if len(ts) > 1:
            s = alg.make_sum(ts, shape)
            num, scal, rest = alg.common(s)
            if num != 1 or scal:  # take out a sign, a magnitude, scalar factors
                inner = alg.msum(rest)
                if rest.rank == 0:
                    t = Term(num, mul_scal(scal, ((inner, 1.0),)), ())
                else:
                    t = Term(num, scal, (inner,))
                cands.append(self.plain((t,)))
            if len(ts) <= 8:
                cands.extend(self.same_coefficient(ts, shape))
            if len(shape) >= 1 and len(ts) <= 8:
                cands.extend(self.grouped(ts, shape))
        out = _best(cands)
        self.memo[key] = out
        return out

    def same_coefficient(self, ts: tuple[Term, ...], shape: tuple) -> list[Doc]:
        """Terms sharing a coefficient, the coefficient taken out: C + 0.5 * (A + A.T)."""
        alg = self.alg
        groups: dict[tuple, list[int]] = {}
        for i, t in enumerate(ts):
            if abs(t.num) != 1 or t.scal:
                key = (abs(t.num), "*".join(f"{a.k}^{p!r}" for a, p in t.scal))
                groups.setdefault(key, []).append(i)
        out = []
        for members in groups.values():
            if len(members) < 2 or len(members) == len(ts):
                continue
            lead = ts[members[0]]
            inv_scal = tuple((a, -p) for a, p in lead.scal)
            inner = alg.make_sum(
                [
                    Term(ts[i].num / abs(lead.num), mul_scal(ts[i].scal, inv_scal), ts[i].chain)
                    for i in members
                ],
                shape,
            )
            if inner.rank == 0:
                t = Term(abs(lead.num), mul_scal(lead.scal, ((alg.msum(inner), 1.0),)), ())
            else:
                t = Term(abs(lead.num), lead.scal, (alg.msum(inner),))
            others = [self.term(ts[i]) for i in range(len(ts)) if i not in members]
            out.append(d_add(self.order([self.term(t)] + others)))
        return out

    def grouped(self, ts: tuple[Term, ...], shape: tuple) -> list[Doc]:
        """Terms sharing their first (or last) factor, that factor taken out: A @ (B + C)."""
        alg = self.alg
        out = []
        for side in (0, -1):
            groups: dict[str, list[int]] = {}
            for i, t in enumerate(ts):
                if len(t.chain) >= 2:
                    groups.setdefault(t.chain[side].k, []).append(i)
            for members in groups.values():
                if len(members) < 2:
                    continue
                f = ts[members[0]].chain[side]
                rest_terms = []
                for i in members:
                    t = ts[i]
                    chain = t.chain[1:] if side == 0 else t.chain[:-1]
                    rest_terms.append(Term(t.num, t.scal, chain))
                rshape = alg.chain_shape(rest_terms[0].chain)
                residual = alg.make_sum(rest_terms, rshape)
                fs = alg.atom_sum(f)
                pair = (fs, residual) if side == 0 else (residual, fs)
                gshape = alg.chain_shape(
                    (f, *rest_terms[0].chain) if side == 0 else (*rest_terms[0].chain, f)
                )
                grouped = alg.matmul(*pair, gshape)
                others = [ts[i] for i in range(len(ts)) if i not in members]
                items = [self.term(t) for t in grouped.terms] + [self.term(t) for t in others]
                out.append(d_add(self.order(items)))
        return out

    @staticmethod
    def order(items: list[tuple[bool, Doc]]) -> list[tuple[bool, Doc]]:
        """A positive term first: `B - A` rather than `-A + B`."""
        for i, (neg, _) in enumerate(items):
            if not neg:
                return [items[i]] + items[:i] + items[i + 1 :]
        return items

    def plain(self, ts: tuple[Term, ...]) -> Doc:
        ts = tuple(sorted(ts, key=lambda t: tcount(t.k)))  # B + B.T rather than B.T + B
        return d_add(self.order([self.term(t) for t in ts]))

    def term(self, t: Term) -> tuple[bool, Doc]:
        mag = abs(t.num)
        factors: list[Doc] = []
        if mag != 1 or (not t.scal and not t.chain):
            factors.append(d_num(mag))
        dens: list[Doc] = []
        for a, p in t.scal:
            d = self.atom(a)
            if p > 0:
                factors.append(d if p == 1 else d_pow(d, p))
            else:
                dens.append(d if p == -1 else d_pow(d, -p))
        if t.chain:
            factors.append(self.chain(t.chain))
        if not factors:
            factors.append(d_num(1))
        body = d_mul(factors)
        if dens:
            body = d_div(body, d_mul(dens))
        return t.num < 0, body

    def chain(self, chain: tuple[Node, ...]) -> Doc:
        """Factors joined by @, each run printed as is or as the transpose of the reversed
        run of transposes ((B @ A).T for A.T @ B.T), whichever is shorter."""
        key = ("chain", tuple(a.k for a in chain))
        if key in self.memo:
            return self.memo[key]
        best: list[tuple[tuple[int, int], list[Doc]] | None] = [None] * (len(chain) + 1)
        best[0] = ((0, 0), [])
        for i in range(1, len(chain) + 1):
            for j in range(i):
                prev = best[j]
                if prev is None:
                    continue
                run = chain[j:i]
                if len(run) == 1:
                    seg = self.atom(run[0])
                elif all(a.rank == 2 for a in run):
                    seg = d_T(d_matmul([self.atom(self.alg.T(a)) for a in reversed(run)]))
                else:
                    continue
                c = _cost(seg)
                cost = (prev[0][0] + c[0] + (3 if j else 0), prev[0][1] + c[1])
                if best[i] is None or cost < best[i][0]:
                    best[i] = (cost, prev[1] + [seg])
        out = d_matmul(best[len(chain)][1])
        self.memo[key] = out
        return out

    # -- atoms --------------------------------------------------------------------------
    def atom(self, a: Node) -> Doc:
        key = ("atom", a.k)
        if key not in self.memo:
            self.memo[key] = self._atom(a)
        return self.memo[key]

    def _atom(self, a: Node) -> Doc:
        alg, kind = self.alg, a.kind
        if kind in ("leaf", "sleaf"):
            return d_name(a.extra[0])
        if kind == "T":
            inner = a.args[0]
            cands = [d_T(self.atom(inner))]
            if inner.kind in ("inv", "fn", "had", "epow", "ediv"):
                flipped = tuple(alg.transpose(s) for s in inner.args)
                cands.append(self.composite(inner.kind, flipped, inner.extra))
            return _best(cands)
        if kind in ("inv", "fn", "had", "epow", "ediv"):
            return self.composite(kind, a.args, a.extra)
        if kind in ("msum", "ssum"):
            return self.sum(a.args[0])
        if kind == "eye":
            text, d = self.dim(a.shape[0])
            return Doc("eye", (d,), f"np.eye({text})", ATOM)
        if kind == "ones":
            return Doc("ones", (a.shape,), f"np.ones({self.spelling.shape(a.shape)})", ATOM)
        if kind == "outer":
            return d_call("np.outer", [self.sum(a.args[0]), self.sum(a.args[1])])
        if kind in ("trace", "det", "logdet"):
            return d_call(kind, [self.sum(a.args[0])])
        if kind == "schain":
            return d_matmul([self.atom(x) for x in a.args])
        if kind == "sfn":
            fn = "np.linalg.norm" if a.extra == "norm" else f"np.{a.extra}"
            return d_call(fn, [self.sum(a.args[0])])
        if kind in ("op", "sop"):
            return self.opaque(a)
        raise AssertionError(kind)

    def composite(self, kind: str, args: tuple, extra: Any) -> Doc:
        if kind == "inv":
            return d_call("inv", [self.sum(args[0])])
        if kind == "fn":
            return d_call(f"np.{extra}", [self.sum(args[0])])
        if kind == "epow":
            return d_pow(self.sum(args[0]), extra)
        if kind == "had":
            return d_had(self.sum(args[0]), self.sum(args[1]))
        if kind == "ediv":
            return d_had(self.sum(args[0]), self.sum(args[1]), "/")
        raise AssertionError(kind)

    def opaque(self, a: Node) -> Doc:
        op, _, value = a.extra
        rule = RULES[op]
        if rule.statements:
            raise CompileError(
                f"the result needs statements ({op}), not one expression",
                None,
                "write the expression as a model function and run matgradc on it",
            )
        args = []
        for i, s in enumerate(a.args):
            d = self.sum(s)
            need = rule.arg_prec[i] if i < len(rule.arg_prec) else 0
            args.append(f"({d.text})" if d.prec < need else d.text)
        texts = self.spelling.attrs(value)
        if callable(rule.spelling):  # an op whose spelling depends on its arguments
            text = rule.spelling(args, texts)
        else:
            text = rule.spelling.format(*args, **texts)
        prec = min(rule.prec, ATOM)
        group = getattr(rule, "group", None)
        if group is not None:  # one output of a call returning several (slogdet, eigh)
            text, prec = f"{text}[{group[0]}]", ATOM
        return Doc("raw", (op, a), text, prec)


# -- the talk's notation, for the factors of a derivative: Xᵀ, X⁻¹, X⁻ᵀ, juxtaposed products
def atomic(text: str) -> bool:
    """No space outside parentheses: `X⁻¹`, `(A X)ᵀ`, `f(X, 2)`."""
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if c == " " and depth == 0:
            return False
    return True


def _talk_operand(d: Doc) -> str:
    text = talk(d)
    return text if atomic(text) and not text.startswith("-") else f"({text})"


def talk(d: Doc) -> str:
    """A printed Doc in the talk's notation (NumPy's spelling where the talk has none)."""
    k, parts = d.kind, d.parts
    if k == "eye":
        return "I"
    if k == "T":
        inner = parts[0]
        if inner.kind == "call" and inner.parts[0] == "inv":
            return _talk_operand(inner.parts[1]) + "⁻ᵀ"
        return _talk_operand(inner) + "ᵀ"
    if k == "call" and parts[0] == "inv":
        return _talk_operand(parts[1]) + "⁻¹"
    if k == "call":
        fn = parts[0].split(".")[-1]
        return f"{fn}({', '.join(talk(a) for a in parts[1:])})"
    if k in ("matmul", "mul"):
        return " ".join(_talk_operand(x) for x in parts)
    if k == "neg":
        return "-" + _talk_operand(parts[0])
    if k == "add":
        out = ""
        for i, (neg, x) in enumerate(parts):
            text = talk(x) if x.kind != "add" else f"({talk(x)})"
            out += ("-" if neg else "") + text if i == 0 else (" - " if neg else " + ") + text
        return out
    if k in ("had", "ediv"):
        op = " ∘ " if k == "had" else " / "
        return op.join(_talk_operand(x) for x in parts)
    if k == "div":
        return f"{_talk_operand(parts[0])} / {_talk_operand(parts[1])}"
    if k == "pow":
        return f"{_talk_operand(parts[0])}^{fmt(parts[1])}"
    return d.text.replace("np.linalg.", "").replace("np.", "")
