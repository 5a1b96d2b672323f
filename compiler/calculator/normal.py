"""The calculator's normal form of an IR value: a sum of terms, each a numeric coefficient,
scalar factors (traces, determinants, ...) and a chain of matrix factors.

Transposes are pushed onto the factors; `inv(inv(A))`, `I @ A`, `inv(A) @ A` disappear; an
inverse of a product of square factors is expanded when that cancels factors; like terms are
combined; vector-valued chains end with their vector (a column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ir import Graph, Value

MAX_EXPANDED_TERMS = 24


class Keyed:
    """Equal when the canonical keys `k` are; `shape` gives the rank."""

    k: str
    shape: tuple

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.k == other.k

    def __hash__(self) -> int:
        return hash(self.k)

    @property
    def rank(self) -> int:
        return len(self.shape)


@dataclass(frozen=True, eq=False)
class Node(Keyed):
    """An atom: a matrix/vector factor of a chain, or a scalar factor of a coefficient.

    kind: leaf, T, inv, msum (a parenthesised sum), eye, ones, outer, had (elementwise
    product), fn (elementwise function), epow, ediv, op (anything else, spelled by the rules
    table); scalar kinds: sleaf, trace, det, logdet, schain (x @ A @ y), ssum, sfn, sop.
    Equality is by the canonical key `k`."""

    kind: str
    k: str
    shape: tuple
    args: tuple = ()
    extra: Any = None


@dataclass(frozen=True)
class Term:
    num: float
    scal: tuple[tuple[Node, float], ...]  # sorted by key
    chain: tuple[Node, ...]

    @property
    def base(self) -> str:
        s = "*".join(f"{a.k}^{p!r}" for a, p in self.scal)
        return s + "|" + "@".join(a.k for a in self.chain)

    @property
    def k(self) -> str:
        return f"{self.num!r}*{self.base}"


@dataclass(frozen=True, eq=False)
class Sum(Keyed):
    terms: tuple[Term, ...]
    shape: tuple
    k: str

    def single(self) -> Term | None:
        return self.terms[0] if len(self.terms) == 1 else None


def tcount(k: str) -> int:
    return k.count("ᵀ")


def mul_scal(a: tuple, b: tuple) -> tuple:
    powers: dict[str, list] = {}
    for node, p in a + b:
        if node.k in powers:
            powers[node.k][1] += p
        else:
            powers[node.k] = [node, p]
    return tuple((node, p) for _, (node, p) in sorted(powers.items()) if abs(p) > 1e-12)


class Algebra:
    """Builds canonical atoms and sums; `of(value)` converts an IR value."""

    def __init__(self, g: Graph):
        self.g = g
        self.memo: dict[int, Sum] = {}

    # -- shapes -------------------------------------------------------------------------
    def dims(self, shape: tuple) -> tuple:
        return self.g.find_shape(shape)

    def square(self, a: Node) -> bool:
        return a.rank == 2 and self.g.same_dim(a.shape[0], a.shape[1])

    @staticmethod
    def chain_shape(chain: tuple[Node, ...]) -> tuple:
        if len(chain) == 1:
            return chain[0].shape
        first, last = chain[0], chain[-1]
        return (first.shape[:1] if first.rank == 2 else ()) + (
            last.shape[1:] if last.rank == 2 else ()
        )

    # -- sums ---------------------------------------------------------------------------
    def make_sum(self, terms, shape: tuple) -> Sum:
        merged: dict[str, list] = {}  # base -> [sum of numbers, largest of them, term]
        for t in terms:
            if t.num == 0:
                continue
            if t.base in merged:
                merged[t.base][0] += t.num
                merged[t.base][1] = max(merged[t.base][1], abs(t.num))
            else:
                merged[t.base] = [t.num, abs(t.num), t]
        out = []
        for num, largest, t in merged.values():
            if abs(num) > 1e-12 * largest:  # what cancels up to rounding is gone
                out.append(Term(float(num), t.scal, t.chain))
        if len(out) == 1:  # a sum wrapped as a single factor is that sum
            t = out[0]
            if t.num == 1 and not t.scal and len(t.chain) == 1 and t.chain[0].kind == "msum":
                return t.chain[0].args[0]
            if t.num == 1 and not t.chain and len(t.scal) == 1:
                node, p = t.scal[0]
                if node.kind == "ssum" and p == 1:
                    return node.args[0]
        dims = self.dims(shape)
        key = "+".join(sorted(t.k for t in out)) or f"0{list(dims)}"
        return Sum(tuple(out), dims, key)

    def atom_sum(self, a: Node) -> Sum:
        if a.rank == 0:
            return self.make_sum([Term(1.0, ((a, 1.0),), ())], ())
        return self.make_sum([Term(1.0, (), (a,))], a.shape)

    def const(self, c: float) -> Sum:
        return self.make_sum([Term(float(c), (), ())], ())

    def add(self, a: Sum, b: Sum) -> Sum:
        return self.make_sum(a.terms + b.terms, a.shape if a.rank >= b.rank else b.shape)

    def scale(self, s: Sum, num: float, scal: tuple = ()) -> Sum:
        terms = [Term(t.num * num, mul_scal(t.scal, scal), t.chain) for t in s.terms]
        return self.make_sum(terms, s.shape)

    def as_scalar_factor(self, s: Sum) -> tuple[float, tuple]:
        """A scalar sum as (number, scalar factors)."""
        t = s.single()
        if not s.terms:
            return 0.0, ()
        if t is not None:
            return t.num, t.scal
        return 1.0, ((self.msum(s), 1.0),)

    def times_scalar(self, s: Sum, m: Sum) -> Sum:
        num, scal = self.as_scalar_factor(s)
        if m.rank == 0 and len(m.terms) > 1 and len(s.terms) > 1:
            num2, scal2 = self.as_scalar_factor(m)
            return self.make_sum([Term(num * num2, mul_scal(scal, scal2), ())], ())
        return self.scale(m, num, scal)

    def power(self, s: Sum, p: float) -> Sum:
        t = s.single()
        if t is not None and not t.chain and (t.num > 0 or float(p).is_integer()):
            scal = tuple((a, q * p) for a, q in t.scal)
            return self.make_sum([Term(t.num**p, mul_scal(scal, ()), ())], ())
        if not s.terms:
            if p > 0:
                return s
            raise ZeroDivisionError("a power of zero")
        return self.make_sum([Term(1.0, ((self.msum(s), float(p)),), ())], ())

    def common(self, s: Sum) -> tuple[float, tuple, Sum]:
        """(number, scalar factors, rest) with s = number * factors * rest, taking out the
        sign when every term is negative, a common magnitude and common scalar factors."""
        ts = s.terms
        if not ts:
            return 1.0, (), s
        sign = -1.0 if all(t.num < 0 for t in ts) else 1.0
        mags = {abs(t.num) for t in ts}
        mag = mags.pop() if len(mags) == 1 else 1.0
        shared = []
        for a, p in ts[0].scal:
            ps = [{x.k: q for x, q in t.scal}.get(a.k) for t in ts[1:]]
            if all(q is not None and q * p > 0 for q in ps):
                shared.append((a, min([p] + ps, key=abs)))
        num = sign * mag
        scal = tuple(shared)
        inv_scal = tuple((a, -p) for a, p in scal)
        rest = self.make_sum(
            [Term(t.num / num, mul_scal(t.scal, inv_scal), t.chain) for t in ts], s.shape
        )
        return num, scal, rest

    # -- atoms --------------------------------------------------------------------------
    def node(self, kind: str, k: str, shape: tuple, args: tuple = (), extra: Any = None):
        return Node(kind, k, self.dims(shape), args, extra)

    def msum(self, s: Sum) -> Node:
        """A sum as one factor: (A + B) in a product, or a scalar (a + b) in a coefficient."""
        kind = "ssum" if s.rank == 0 else "msum"
        return self.node(kind, f"({s.k})", s.shape, (s,))

    def leaf(self, v: Value) -> Node:
        name = v.attr("name")
        kind = "sleaf" if v.rank == 0 else "leaf"
        return self.node(kind, name, v.shape, (), (name, v.is_symmetric))

    def eye(self, d: int) -> Node:
        d = self.g.find(d)
        return self.node("eye", f"I[{d}]", (d, d))

    def T(self, a: Node) -> Node:
        """The canonical atom of aᵀ."""
        if a.rank < 2 or a.kind == "eye":
            return a
        if a.kind == "leaf":
            return a if a.extra[1] else self.node("T", a.k + "ᵀ", a.shape[::-1], (a,))
        if a.kind == "T":
            return a.args[0]
        if a.kind == "ones":
            return self.node("ones", f"1[{a.shape[1]},{a.shape[0]}]", a.shape[::-1])
        if a.kind == "msum":
            return self.msum(self.transpose(a.args[0]))
        if a.kind == "outer":
            return self.outer(a.args[1], a.args[0])
        if a.kind == "op" and a.extra[0] == "diag_embed":
            return a
        if a.kind in ("inv", "fn", "had", "epow", "ediv"):
            return self.composite(a.kind, tuple(self.transpose(s) for s in a.args), a.extra)
        return self.node("T", f"({a.k})ᵀ", a.shape[::-1], (a,))

    def _build(self, kind: str, args: tuple, extra: Any) -> Node:
        if kind == "inv":
            return self.node("inv", f"inv({args[0].k})", args[0].shape, args)
        if kind == "fn":
            return self.node("fn", f"{extra}({args[0].k})", args[0].shape, args, extra)
        if kind == "epow":
            return self.node("epow", f"({args[0].k})**{extra!r}", args[0].shape, args, extra)
        if kind == "ediv":
            return self.node("ediv", f"({args[0].k})/({args[1].k})", args[0].shape, args)
        if kind == "had":
            args = tuple(sorted(args, key=lambda s: s.k))
            return self.node("had", "∘".join(f"({s.k})" for s in args), args[0].shape, args)
        raise AssertionError(kind)

    def composite(self, kind: str, args: tuple, extra: Any = None) -> Node:
        """An atom that commutes with the transpose (inverse, elementwise operations), in
        its canonical orientation: f(S) or f(Sᵀ)ᵀ, whichever has fewer transposes inside."""
        direct = self._build(kind, args, extra)
        flipped = self._build(kind, tuple(self.transpose(s) for s in args), extra)
        if flipped.k == direct.k:
            return direct
        wrapped = self.node("T", f"({flipped.k})ᵀ", flipped.shape[::-1], (flipped,))
        score_d = (tcount(direct.k), tcount(direct.k), direct.k)
        score_w = (tcount(wrapped.k), tcount(flipped.k), wrapped.k)
        return direct if score_d <= score_w else wrapped

    def outer(self, a: Sum, b: Sum) -> Node:
        return self.node("outer", f"outer({a.k},{b.k})", (a.shape[0], b.shape[0]), (a, b))

    # -- operations on sums -----------------------------------------------------------
    def transpose(self, s: Sum) -> Sum:
        if s.rank < 2:
            return s
        terms = []
        for t in s.terms:
            chain = tuple(self.T(a) for a in reversed(t.chain))
            terms.append(Term(t.num, t.scal, chain))
        return self.make_sum(terms, s.shape[::-1])

    def matmul(self, a: Sum, b: Sum, shape: tuple, distribute: bool = False) -> Sum:
        if distribute or (len(a.terms) <= 1 and len(b.terms) <= 1):
            out: list[Term] = []
            for s in a.terms:
                for t in b.terms:
                    out.extend(self.product(s, t))
            return self.make_sum(out, shape)
        fa, fb = self.factor_of(a), self.factor_of(b)
        return self.make_sum(self.product(fa, fb), shape)

    def factor_of(self, s: Sum) -> Term:
        t = s.single()
        if t is not None:
            return t
        num, scal, rest = self.common(s)
        return Term(num, scal, (self.msum(rest),))

    def product(self, s: Term, t: Term) -> list[Term]:
        """The terms of s @ t."""
        num, scal = s.num * t.num, mul_scal(s.scal, t.scal)
        left = s.chain
        if left and t.chain and len(self.chain_shape(left)) == 1:
            left = tuple(self.T(a) for a in reversed(left))  # a vector on the left is a row
        extra_num, extra_scal, chain = self.clean_chain(left + t.chain)
        return [Term(num * extra_num, mul_scal(scal, extra_scal), chain)]

    def clean_chain(self, chain: tuple[Node, ...]) -> tuple[float, tuple, tuple]:
        """Simplify a product of factors: drop identities, move neighbours into outer
        products, cancel inverse pairs (expanding inverses of products of square factors
        when that cancels), orient vector results as columns, and turn scalar results into
        a scalar factor. Returns (number, scalar factors, chain)."""
        num, scal = 1.0, ()
        chain = self.absorb_outer(chain)
        chain = self.cancel(chain)
        chain = self.expand_inverses(chain)
        if len(chain) > 1 and any(a.kind == "eye" for a in chain):
            chain = tuple(a for a in chain if a.kind != "eye") or chain[:1]
        if len(chain) > 1:
            rank = len(self.chain_shape(chain))
            if rank == 1 and chain[0].rank == 1:  # x @ A is Aᵀ @ x: vectors are columns
                chain = tuple(self.T(a) for a in reversed(chain))
            elif rank == 0:
                flipped = tuple(self.T(a) for a in reversed(chain))
                k1 = "@".join(a.k for a in chain)
                k2 = "@".join(a.k for a in flipped)
                if tcount(k2) < tcount(k1):
                    chain, k1 = flipped, k2
                node = self.node("schain", k1, (), chain)
                scal = ((node, 1.0),)
                chain = ()
        return num, scal, chain

    def absorb_outer(self, chain: tuple[Node, ...]) -> tuple[Node, ...]:
        changed = True
        while changed:
            changed = False
            for i, a in enumerate(chain):
                if a.kind != "outer":
                    continue
                u, w = a.args
                if i > 0 and chain[i - 1].rank == 2:
                    m = chain[i - 1]
                    u = self.matmul(self.atom_sum(m), u, m.shape[:1])
                    chain = chain[: i - 1] + (self.outer(u, w),) + chain[i + 1 :]
                    changed = True
                    break
                if i + 1 < len(chain) and chain[i + 1].rank == 2:
                    m = chain[i + 1]
                    w = self.matmul(self.atom_sum(self.T(m)), w, m.shape[1:])
                    chain = chain[:i] + (self.outer(u, w),) + chain[i + 2 :]
                    changed = True
                    break
        return chain

    def inverse_seq(self, a: Node) -> tuple[Node, ...] | None:
        """For an inverse atom, the factors it is the inverse of."""
        if a.kind == "inv":
            inner = a.args[0]
            t = inner.single()
            if t is not None and t.num == 1 and not t.scal:
                return t.chain
            return (self.msum(inner),)
        if a.kind == "T" and a.args[0].kind == "inv":
            seq = self.inverse_seq(a.args[0])
            return tuple(self.T(x) for x in reversed(seq)) if seq is not None else None
        return None

    def at_inverses(self, chain: tuple[Node, ...], step) -> tuple[Node, ...]:
        """Rewrite the chain at its first inverse where `step(chain, i, seq)` gives a new
        chain (seq: the factors inverted there), until it gives none."""
        while True:
            for i, a in enumerate(chain):
                seq = self.inverse_seq(a)
                new = step(chain, i, seq) if seq else None
                if new is not None:
                    chain = new
                    break
            else:
                return chain

    def cancel(self, chain: tuple[Node, ...]) -> tuple[Node, ...]:
        """X⁻¹ X and X X⁻¹ (of a run of factors X) removed."""

        def step(chain, i, seq):
            n = len(seq)
            if chain[i + 1 : i + 1 + n] == seq:
                return chain[:i] + chain[i + 1 + n :] or (self.eye(chain[i].shape[0]),)
            if i >= n and chain[i - n : i] == seq:
                return chain[: i - n] + chain[i + 1 :] or (self.eye(chain[i].shape[0]),)
            return None

        return self.at_inverses(chain, step)

    def inv_atom(self, a: Node) -> Node:
        """The canonical atom of a⁻¹ (a square)."""
        if a.kind == "eye":
            return a
        seq = self.inverse_seq(a)
        if seq is not None and len(seq) == 1:
            return seq[0]
        if a.kind == "T":
            return self.T(self.inv_atom(a.args[0]))
        return self.composite("inv", (self.atom_sum(a),))

    def expand_inverses(self, chain: tuple[Node, ...]) -> tuple[Node, ...]:
        """(A B)⁻¹ = B⁻¹ A⁻¹ for square A, B — kept only where it makes the chain shorter."""

        def step(chain, i, seq):
            if len(seq) < 2 or not all(self.square(x) for x in seq):
                return None
            expanded = tuple(self.inv_atom(x) for x in reversed(seq))
            trial = self.cancel(chain[:i] + expanded + chain[i + 1 :])
            return trial if len(trial) < len(chain) else None

        return self.at_inverses(chain, step)

    # -- linear algebra -----------------------------------------------------------------
    def inv(self, s: Sum) -> Sum:
        t = s.single()
        if t is None:
            if not s.terms:
                raise ZeroDivisionError("the inverse of zero")
            return self.atom_sum(self.composite("inv", (s,)))
        inv_coef = self.power(self.make_sum([Term(t.num, t.scal, ())], ()), -1.0)
        if len(t.chain) == 1:
            a = t.chain[0]
            inner = self.atom_sum(self.inv_atom(a))
        else:
            inner = self.atom_sum(
                self.composite("inv", (self.make_sum([Term(1.0, (), t.chain)], s.shape),))
            )
        return self.times_scalar(inv_coef, inner)

    def oriented(self, s: Sum) -> Sum:
        """s or sᵀ for an argument of trace, det, logdet: the one with fewer transposes."""
        st = self.transpose(s)
        return st if tcount(st.k) < tcount(s.k) else s

    def scalar_fn(self, kind: str, s: Sum, pull: bool = True) -> Sum:
        if kind == "trace" and pull:  # tr(c M) = c tr(M)
            t = s.single()
            if t is not None and (t.num != 1 or t.scal):
                inner = self.make_sum([Term(1.0, (), t.chain)], s.shape)
                return self.scale(self.scalar_fn(kind, inner, False), t.num, t.scal)
        s = self.oriented(s)
        return self.atom_sum(self.node(kind, f"{kind}({s.k})", (), (s,)))

    # -- from IR ------------------------------------------------------------------------
    def of(self, v: Value) -> Sum:
        if v.id in self.memo:
            return self.memo[v.id]
        out = self.convert(v)
        self.memo[v.id] = out
        return out

    def convert(self, v: Value) -> Sum:
        op, args = v.op, [self.of(a) for a in v.args]
        zero_in = any(not a.terms for a in args)  # a product with zero, a reduction of zero
        if zero_in and op in ("mul", "matmul", "outer", "trace", "sum", "diag_of", "diag_embed"):
            return self.make_sum([], v.shape)
        if op == "param":
            return self.atom_sum(self.leaf(v))
        if op == "const":
            return self.const(v.attr("value"))
        if op == "eye":
            return self.atom_sum(self.eye(v.attr("dim")))
        if op == "zeros":
            return self.make_sum([], v.shape)
        if op == "broadcast" and v.args[0].rank == 0:
            d = self.dims(v.shape)
            ones = self.node("ones", "1[" + ",".join(map(str, d)) + "]", d)
            return self.times_scalar(args[0], self.atom_sum(ones))
        if op in ("add", "sub") and v.args[0].rank == v.args[1].rank:
            b = args[1] if op == "add" else self.scale(args[1], -1.0)
            return self.add(args[0], b)
        if op == "neg":
            return self.scale(args[0], -1.0)
        if op == "mul" and (v.args[0].rank == 0 or v.args[1].rank == 0):
            s, m = (args[0], args[1]) if v.args[0].rank == 0 else (args[1], args[0])
            return self.times_scalar(s, m)
        if op == "div" and v.args[1].rank == 0:
            return self.times_scalar(self.power(args[1], -1.0), args[0])
        if op == "pow" and v.args[1].is_const():
            p = v.args[1].attr("value")
            if v.args[0].rank == 0:
                return self.power(args[0], p)
            return self.atom_sum(self.composite("epow", (args[0],), p))
        if op == "matmul":
            return self.matmul(args[0], args[1], v.shape)
        if op == "solve":
            return self.matmul(self.inv(args[0]), args[1], v.shape)
        if op == "transpose":
            return self.transpose(args[0])
        if op == "inv":
            return self.inv(args[0])
        if op in ("trace", "det", "logdet"):
            return self.scalar_fn(op, args[0])
        if op == "symmetrize":  # ½ (G + Gᵀ), the gradient of a sym/spd input
            return self.scale(self.add(args[0], self.transpose(args[0])), 0.5)

        if op == "outer":
            (na, sa, a), (nb, sb, b) = self.common(args[0]), self.common(args[1])
            return self.scale(self.atom_sum(self.outer(a, b)), na * nb, mul_scal(sa, sb))
        if op in ("exp", "log", "log1p", "sqrt", "tanh", "sin", "cos"):
            if v.rank == 0:
                a = args[0]
                return self.atom_sum(self.node("sfn", f"{op}({a.k})", (), (a,), op))
            return self.atom_sum(self.composite("fn", (args[0],), op))
        if op == "mul" and v.args[0].rank == v.args[1].rank:
            (na, sa, a), (nb, sb, b) = self.common(args[0]), self.common(args[1])
            had = self.composite("had", (a, b))
            return self.scale(self.atom_sum(had), na * nb, mul_scal(sa, sb))
        if op == "div" and v.args[0].rank == v.args[1].rank:
            return self.atom_sum(self.composite("ediv", (args[0], args[1])))
        if op in ("sum", "norm") and v.rank == 0:
            a = self.oriented(args[0])
            return self.atom_sum(self.node("sfn", f"{op}({a.k})", (), (a,), op))
        # anything else is spelled by the rules table, its arguments normalised
        attrs = tuple((k, val) for k, val in v.attrs)
        key = f"{op}{attrs!r}(" + ",".join(a.k for a in args) + ")"
        kind = "sop" if v.rank == 0 else "op"
        return self.atom_sum(self.node(kind, key, v.shape, tuple(args), (op, attrs, v)))

    def expand(self, s: Sum) -> Sum | None:
        """s with every parenthesised sum inside a product multiplied out (or None when
        there is none, or when that would make too many terms)."""
        if not any(a.kind == "msum" for t in s.terms for a in t.chain):
            return None
        out: list[Term] = []
        for t in s.terms:
            acc = self.make_sum([Term(t.num, t.scal, ())], ())
            acc_terms = list(acc.terms)
            for a in t.chain:
                parts = a.args[0].terms if a.kind == "msum" else (Term(1.0, (), (a,)),)
                acc_terms = [p for x in acc_terms for y in parts for p in self.product(x, y)]
                if len(acc_terms) > MAX_EXPANDED_TERMS:
                    return None
            out.extend(acc_terms)
        return self.make_sum(out, s.shape)
