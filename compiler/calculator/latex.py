"""LaTeX: a printed `Doc` as a sympy matrix expression, printed by sympy's LaTeX printer."""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from ..ir import Graph, Value
from .printer import Doc


def latex(doc: Doc, g: Graph, params: list[Value]) -> str:
    raw: dict[str, str] = {}

    class RawScalar(sp.Symbol):
        def latex(self, printer):
            return raw[self.name]

    class RawMatrix(sp.MatrixSymbol):
        def latex(self, printer):
            return raw[str(self.args[0])]

    def dim(d: int):
        name = g.dim_name(d)
        return sp.Integer(name) if isinstance(name, int) else sp.Symbol(str(name))

    table = {}
    for p in params:
        name = p.attr("name")
        if p.rank == 0:
            table[name] = sp.Symbol(name)
        elif p.rank == 1:
            table[name] = sp.MatrixSymbol(name, dim(p.shape[0]), 1)
        else:
            table[name] = sp.MatrixSymbol(name, dim(p.shape[0]), dim(p.shape[1]))

    def is_matrix(x) -> bool:
        return isinstance(x, sp.MatrixExpr)

    def matrix(x) -> bool:
        """A matrix or vector, not a 1x1 product x^T A y (which is a scalar)."""
        return is_matrix(x) and tuple(x.shape) != (1, 1)

    def scalar(x, paren: bool = True):
        """A 1x1 matrix expression (x^T A y) as a scalar."""
        if is_matrix(x) and not matrix(x):
            key = f"raw{len(raw)}"
            tex = printer.doprint(x)
            raw[key] = rf"\left({tex}\right)" if paren else tex
            return RawScalar(key)
        return x

    def opaque(text: str):
        key = f"raw{len(raw)}"
        raw[key] = r"\texttt{" + text.replace("_", r"\_") + "}"
        return RawScalar(key)

    def conv(d: Doc):
        k = d.kind
        if k == "name":
            return table[d.parts[0]]
        if k == "num":
            return sp.nsimplify(d.parts[0])
        if k == "T":
            x = conv(d.parts[0])
            return sp.Transpose(x) if is_matrix(x) and x.shape[1] != 1 else x
        if k == "eye":
            return sp.Identity(dim(d.parts[0]))
        if k in ("zeros", "ones"):
            dims = [dim(x) for x in d.parts[0]] + [1] * (2 - len(d.parts[0]))
            if not d.parts[0]:
                return sp.Integer(0 if k == "zeros" else 1)
            return (sp.ZeroMatrix if k == "zeros" else sp.OneMatrix)(*dims)
        if k == "call":
            fn, args = d.parts[0], [conv(a) for a in d.parts[1:]]
            if fn == "inv":
                return sp.Inverse(args[0])
            if fn == "trace":
                return sp.Trace(args[0])
            if fn == "det":
                return sp.Determinant(args[0])
            if fn == "logdet":
                return sp.log(sp.Determinant(args[0]), evaluate=False)
            if fn == "np.outer":
                return sp.MatMul(args[0], sp.Transpose(args[1]), evaluate=False)
            elementwise = ("np.exp", "np.log", "np.sqrt", "np.sin", "np.cos", "np.tanh")
            if fn in elementwise and not matrix(args[0]):
                return getattr(sp, fn[3:])(scalar(args[0], paren=False), evaluate=False)
            if fn == "np.linalg.norm" and not matrix(args[0]):
                return sp.Abs(scalar(args[0], paren=False))
            inner = ", ".join(printer.doprint(a) for a in args)
            name = fn.split(".")[-1]
            key = f"raw{len(raw)}"
            raw[key] = rf"\operatorname{{{name}}}\left({inner}\right)"
            if fn in ("np.sum", "np.linalg.norm") or not is_matrix(args[0]):
                return RawScalar(key)
            return RawMatrix(key, *args[0].shape)  # elementwise functions
        if k == "matmul":
            xs = [conv(x) for x in d.parts]
            if is_matrix(xs[0]) and xs[0].shape[1] == 1 and len(xs) > 1:
                xs[0] = sp.Transpose(xs[0])  # a vector on the left is a row
            return sp.MatMul(*xs, evaluate=False)
        if k == "mul":
            xs = [conv(x) for x in d.parts]
            if matrix(xs[-1]):
                return sp.MatMul(*[scalar(x) for x in xs[:-1]], xs[-1], evaluate=False)
            return sp.Mul(*[scalar(x) for x in xs], evaluate=False)
        if k == "div":
            a, b = conv(d.parts[0]), scalar(conv(d.parts[1]))
            inv_b = sp.Pow(b, -1, evaluate=False)
            if matrix(a):
                return sp.MatMul(inv_b, a, evaluate=False)
            return sp.Mul(scalar(a), inv_b, evaluate=False)
        if k == "pow":
            a = conv(d.parts[0])
            p = sp.nsimplify(d.parts[1])
            if matrix(a):
                return sp.HadamardPower(a, p)
            return sp.Pow(scalar(a), p, evaluate=False)
        if k == "neg":
            x = conv(d.parts[0])
            if matrix(x):
                return sp.MatMul(-1, x, evaluate=False)
            return sp.Mul(-1, scalar(x, paren=False), evaluate=False)
        if k == "add":
            xs = [(neg, conv(x)) for neg, x in d.parts]
            if any(matrix(c) for _, c in xs):
                items = [sp.MatMul(-1, c, evaluate=False) if neg else c for neg, c in xs]
                return sp.MatAdd(*items, evaluate=False)
            items = [scalar(c, paren=False) for _, c in xs]
            items = [sp.Mul(-1, c, evaluate=False) if neg else c for (neg, _), c in zip(xs, items)]
            return sp.Add(*items, evaluate=False)
        if k == "had":
            return sp.HadamardProduct(conv(d.parts[0]), conv(d.parts[1]))
        if k == "raw":  # spelled by the rules table
            node = d.parts[1]
            key = f"raw{len(raw)}"
            raw[key] = r"\texttt{" + d.text.replace("_", r"\_") + "}"
            if node.rank == 0:
                return RawScalar(key)
            cols = dim(node.shape[1]) if node.rank == 2 else 1
            return RawMatrix(key, dim(node.shape[0]), cols)
        return opaque(d.text)

    class Printer(LatexPrinter):
        """sympy's LaTeX, but sums keep their order and signs without re-evaluating
        (sympy would print -(A B)ᵀ as -Bᵀ Aᵀ) and numeric coefficients go unbracketed."""

        def _split(self, term):
            if isinstance(term, (sp.MatMul, sp.Mul)) and term.args and term.args[0] == -1:
                rest = term.args[1:]
                if len(rest) == 1:
                    return True, rest[0]
                cls = sp.MatMul if isinstance(term, sp.MatMul) else sp.Mul
                return True, cls(*rest, evaluate=False)
            return False, term

        def _print_MatAdd(self, expr):
            out = []
            for i, t in enumerate(expr.args):
                neg, body = self._split(t)
                s = self._print(body)
                if isinstance(body, (sp.MatAdd, sp.Add)):
                    s = rf"\left({s}\right)"
                out.append(("- " if neg else "") + s if i == 0 else (" - " if neg else " + ") + s)
            return "".join(out)

        def _print_MatMul(self, expr):
            neg, body = self._split(expr)
            if neg:
                s = self._print(body)
                if isinstance(body, (sp.MatAdd, sp.Add)):
                    s = rf"\left({s}\right)"
                return "- " + s
            parts = []
            for a in expr.args:
                s = self._print(a)
                if isinstance(a, (sp.MatAdd, sp.Add, sp.HadamardProduct)):
                    s = rf"\left({s}\right)"
                parts.append(s)
            return " ".join(parts)

    printer = Printer()
    return printer.doprint(conv(doc))
