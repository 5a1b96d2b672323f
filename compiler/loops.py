"""Loops with a run-time trip count (issue 12, item 2): `for t in range(T)` with T a size or
an int parameter, `for row in X`, `enumerate`/`zip` over rows, and `while` with a run-time
condition, kept as loops in the generated module.

A loop is one IR value (op `loop`, rules/loops.py) whose body is a sub-graph of the same
graph, built from placeholders (`loop_in`): the carry at iteration t, the rows read at t
(`Y[t]`, `for row in X`), the loop counter and the loop-invariant values. Every name the body
assigns that existed before the loop is a carry; the loop's outputs (`loop_out`) are the
final carries. This is the structure of JAX's `lax.scan(f, init, xs)` (f: (carry, x) ->
carry) and of `lax.while_loop` for `while`.

Reverse mode: `Body.pullback` differentiates the body graph with the same reverse mode
(`autodiff.vjp`, from the new carries' adjoints to the placeholders') and returns one
`loop_adjoint` value, a loop running t = T-1..0 that accumulates the adjoints of the rows
and of the loop invariants — scan's transpose. What that backward body reads from the
forward body (the carries, and the intermediates it would otherwise recompute: JAX's
residuals) is pushed on a tape (a list per value) by the forward sweep and popped by the
backward sweep, as Tangent's push/pop does: memory O(T × saved state).

`while`: JAX's `while_loop` is not reverse-differentiable (it would need a tape of unknown
length); here the tape is a list, so the gradient is that of the iterations taken, as in
Tangent (the number of iterations is a run-time fact with no derivative, as a branch is).

Codegen spells both sweeps as blocks (`for`/`while` statements with the body's statements
inside), through the printer's `program`, so the body reads like the rest of the module.
Forward mode (`Body.jvp`, for --jvp and --taylor) is one loop carrying each carry and its
tangent. Forward mode over the backward sweep (--hvp, --hessian) and --emit explain stop with
a clear error (`Rule.opaque`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from . import autodiff, optimize
from .diagnostics import CompileError, Loc
from .forms import project_structure, zero
from .ir import GENERAL, Graph, Value, reachable
from .rules import RULES
from .text import one_line

HINT = (
    "run-time loops: for t in range(T) (T a size such as Y.shape[0], an int parameter or an "
    "expression of them), for row in X, enumerate(X), zip(X, Y), while <run-time condition>"
)


class RunTime(Exception):
    """A loop's trip count (or a `while` condition) is only known at run time."""


def _loc(node: ast.AST) -> Loc:
    return Loc(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


def _leaf(g: Graph, v: Value) -> bool:
    return RULES[v.op].leaf


@dataclass(frozen=True)
class Body:
    """The body of one loop: placeholders -> new carries (the `body` attribute of `loop`)."""

    kind: str  # "for" or "while"
    line: int
    counter: Value | None  # the loop variable t (for), None (while)
    carries: tuple[Value, ...]  # placeholders: the carry at the start of an iteration
    news: tuple[Value, ...]  # the carry at its end
    rows: tuple[tuple[Value, int], ...]  # (row placeholder, index of its array in the args)
    invs: tuple[tuple[Value, int], ...]  # (placeholder, index of the outer value in the args)
    cond: Value | None  # while: the condition, from the placeholders
    bounds: int  # for: the (start, stop, step) args first
    names: tuple[str, ...]  # the carries' names
    # value id -> value: what backward sweeps read from the forward one (filled by pullback)
    tape: dict = field(default_factory=dict, compare=False, hash=False)
    # how the sweeps run: {"checkpoint": True} under --checkpoint (set by `configure`)
    options: dict = field(default_factory=dict, compare=False, hash=False)

    def roots(self) -> list[Value]:
        """The values the forward sweep's body computes (for what the module must import)."""
        return [*self.news, *([self.cond] if self.cond is not None else [])]

    def bindings(self, v: Value) -> list[tuple[Value, list[Value]]]:
        """Each placeholder of loop v with the values it stands for: a carry its initial and
        its new value, a row its array, an invariant the outer value (for analyses that
        follow values into the body, such as what a test input must be)."""
        nb = self.bounds
        out = [
            (p, [v.args[nb + k], new]) for k, (p, new) in enumerate(zip(self.carries, self.news))
        ]
        out += [(p, [v.args[i]]) for p, i in self.rows]
        return out + [(p, [v.args[i]]) for p, i in self.invs]

    def __repr__(self) -> str:
        carries = ", ".join(
            f"{n}: {p!r}->{v!r}" for n, p, v in zip(self.names, self.carries, self.news)
        )
        return f"{self.kind}@{self.line}({carries})"

    # -- reverse mode -------------------------------------------------------------------
    def pullback(self, g: Graph, v: Value, ybars: dict, wanted: list[bool]) -> list:
        """The adjoints of the loop's arguments from its outputs' adjoints: one backward
        sweep (`loop_adjoint`) running the body's own reverse program for t = T-1..0."""
        k_count = len(self.carries)
        if not any(k < k_count for k in ybars):
            return [None] * len(v.args)
        seeds = [ybars.get(k) or zero(g, p) for k, p in enumerate(self.carries)]
        cots = tuple(
            g.op(
                "loop_in",
                kind="cot",
                loop=self.line,
                name="g_" + n,
                dims=p.shape,
                struct=GENERAL,
                of=p.id,
            )
            for n, p in zip(self.names, self.carries)
        )
        for c, n in zip(cots, self.names):
            g.name(c, "g_" + n)
        rows = [(j, p) for j, (p, i) in enumerate(self.rows) if wanted[i]]
        invs = [(j, p) for j, (p, i) in enumerate(self.invs) if wanted[i]]
        params = [*self.carries, *(p for _, p in rows), *(p for _, p in invs)]
        grads = autodiff.vjp(g, list(self.news), list(cots), params, symmetric=False).grads
        opt, _ = optimize.optimize(g, [*self.news, *grads])
        grads = opt[len(self.news) :]
        carry_bars = tuple(grads[:k_count])
        row_bars = grads[k_count : k_count + len(rows)]
        inv_bars = grads[k_count + len(rows) :]
        rows = [(j, b) for (j, p), b in zip(rows, row_bars) if b is not zero(g, p)]
        invs = [(j, b) for (j, p), b in zip(invs, inv_bars) if b is not zero(g, p)]
        # what the backward body reads from the forward one: pushed on the tape
        roots = [*carry_bars, *(b for _, b in rows), *(b for _, b in invs)]
        saved = self._residuals(g, roots)
        self.tape.update({r.id: r for r in saved})
        nb = self.bounds
        args = [v, *seeds, *v.args[:nb], *(v.args[i] for _, i in self.rows)]
        args += [v.args[i] for _, i in self.invs]
        adjoint = Adjoint(
            self, cots, carry_bars, tuple(rows), tuple(invs), tuple(r.id for r in saved)
        )
        adj = g.op("loop_adjoint", *args, body=adjoint)
        out: list = [None] * len(v.args)
        for k in range(k_count):
            init = v.args[nb + k]
            out[nb + k] = g.op("loop_out", adj, index=k, dims=init.shape, struct=GENERAL)
        targets = [self.rows[j][1] for j, _ in rows] + [self.invs[j][1] for j, _ in invs]
        for k, i in enumerate(targets):
            outer = v.args[i]
            out_v = g.op("loop_out", adj, index=k_count + k, dims=outer.shape, struct=GENERAL)
            if k >= len(rows):  # a symmetric invariant: the sum over t, projected once
                p = self.invs[invs[k - len(rows)][0]][0]
                out_v = project_structure(g, out_v, p.struct)
            out[i] = out_v if out[i] is None else g.op("add", out[i], out_v)
        return out

    # -- forward mode -------------------------------------------------------------------
    def jvp(self, g: Graph, v: Value, tangent: dict) -> dict:
        """Forward mode through loop v: one loop carrying each carry and its tangent, whose
        body is this body followed by its own forward-mode program (a JVP needs no tape:
        JAX's `jvp` of `scan` is a scan). Returns the tangent of each of v's outputs, keyed
        by the output's id."""
        from . import forward  # forward mode is built on the rules, as reverse mode is

        nb, line = self.bounds, self.line

        def placeholder(kind: str, name: str, like: Value, of: Value | None) -> Value:
            p = g.op(
                "loop_in",
                kind=kind,
                loop=line,
                name=name,
                dims=like.shape,
                struct=GENERAL if kind == "carry" else like.struct,
                of=None if of is None else of.id,
            )
            g.name(p, name)
            return p

        inits = [v.args[nb + k] for k in range(len(self.carries))]
        t_carries = [
            placeholder("carry", "d" + n, p, None) for n, p in zip(self.names, self.carries)
        ]
        t_inits = [tangent.get(i.id) or zero(g, i) for i in inits]
        params, tangents = list(self.carries), list(t_carries)
        rows, row_args = list(self.rows), []
        invs, inv_args = list(self.invs), []
        args = list(v.args)
        for kind, pairs, found in (("row", self.rows, row_args), ("inv", self.invs, inv_args)):
            for p, i in pairs:
                if v.args[i].id in tangent:
                    outer = tangent[v.args[i].id]
                    tp = placeholder(kind, "d" + g.names.get(p.id, kind), p, outer)
                    params.append(p)
                    tangents.append(tp)
                    found.append((tp, outer))
        t_news = forward.jvp(g, list(self.news), params, tangents)
        t_news = [project_structure(g, t, GENERAL) for t in t_news]
        news, _ = optimize.optimize(g, [*self.news, *t_news])
        k_count = len(self.carries)
        args[nb + k_count : nb + k_count] = t_inits  # the tangents' initial values
        shift = len(t_inits)
        rows = [(p, i + shift) for p, i in rows]
        invs = [(p, i + shift) for p, i in invs]
        for tp, outer in row_args:
            rows.append((tp, len(args)))
            args.append(outer)
        for tp, outer in inv_args:
            invs.append((tp, len(args)))
            args.append(outer)
        body = Body(
            self.kind,
            line,
            self.counter,
            (*self.carries, *t_carries),
            tuple(news),
            tuple(rows),
            tuple(invs),
            self.cond,
            nb,
            (*self.names, *("d" + n for n in self.names)),
        )
        body.options.update(self.options)
        g.loc = v.loc
        loop = g.op("loop", *args, body=body)
        out = {}
        for k, p in enumerate(self.carries):
            primal = g.op("loop_out", v, index=k, dims=p.shape, struct=GENERAL)
            out[primal.id] = g.op("loop_out", loop, index=k_count + k, dims=p.shape, struct=GENERAL)
        return out

    def _residuals(self, g: Graph, roots: list[Value]) -> list[Value]:
        """The forward body's values (and carries) the backward body reads directly."""
        fwd = {u.id for u in reachable([*self.news, *([self.cond] if self.cond else [])])}
        variant = _variant(list(roots) + list(self.news))
        saved: dict[int, Value] = {}
        seen: set[int] = set()
        stack = list(roots)
        while stack:
            u = stack.pop()
            if u.id in seen or u.id not in variant:  # invariant: computed before the loop
                continue
            seen.add(u.id)
            if u.op == "loop_in":
                if u.attr("kind") == "carry":
                    saved[u.id] = u
                continue
            if _leaf(g, u):
                continue
            if u.id in fwd:
                saved[u.id] = u
                continue
            stack.extend(u.args)
        return [saved[i] for i in sorted(saved)]

    # -- codegen --------------------------------------------------------------------------
    def placeholders(self) -> set[int]:
        ids = {p.id for p in self.carries} | {p.id for p, _ in self.rows}
        ids |= {p.id for p, _ in self.invs}
        if self.counter is not None:
            ids.add(self.counter.id)
        return ids

    def saved(self) -> list[Value]:
        """What the forward sweep pushes on the tape each iteration, in a fixed order."""
        return [self.tape[i] for i in sorted(self.tape)]

    def range_text(self, args: list[str], v: Value) -> str:
        start, _, step = v.args[:3]
        if start.is_const(0.0) and step.is_const(1.0):
            return f"range({args[1]})"
        if step.is_const(1.0):
            return f"range({args[0]}, {args[1]})"
        return f"range({args[0]}, {args[1]}, {args[2]})"

    def emit_forward(self, printer, v: Value, inline: set[int], out: str) -> str:
        """The forward sweep: the loop, pushing each iteration's residuals on the tape when
        this function runs the backward sweep too (with --checkpoint: only the carry at the
        start of each of about √T segments); the value alone keeps no tape."""
        names = _Names(printer, self)
        args = [printer.expr(a, inline)[0] for a in v.args]
        nb, k_count = self.bounds, len(self.carries)
        mode = _mode(printer, v, self)
        where = f"{one_line(printer.filename)}:{self.line}"
        lines = [
            (
                f"{', '.join(names.carries)} = {', '.join(args[nb : nb + k_count])}",
                where,
            )
        ]
        lines = lines if names.carries else []
        lines += [(f"{names.of(p)} = {args[i]}", where) for p, i in self.invs]
        saved = self.saved() if mode == "tape" else []
        if mode != "none":
            lines.append((f"{names.tape if mode == 'tape' else names.checkpoints} = []", where))
        bound = self.placeholders()
        hoisted, defined = _hoist(printer, self._forward_roots(saved), bound, True)
        lines += hoisted
        arrays = [args[i] for _, i in self.rows]
        body = self._forward_body(printer, names, arrays, saved, bound | defined, where)
        if self.kind == "while":
            lines.append((f"{names.count} = 0", where))
            if mode == "checkpoint":  # every `segment` iterations, doubled as they add up
                lines.append((f"{names.segment} = 1", where))
            lines.append(("while True:", where))
            if mode == "checkpoint":
                lines += _indent(self._while_checkpoint(names, where))
            lines += _indent(body)
        elif mode == "checkpoint":
            lines += self._segments(names, args, v, where)
            lines.append((f"    {names.checkpoints}.append({_tuple(names.carries)})", where))
            lines.append(
                (
                    f"    for {names.counter} in {names.steps}[{names.segment_of}]:",
                    where,
                )
            )
            lines += _indent(_indent(body))
        else:
            lines.append((f"for {names.counter} in {self.range_text(args, v)}:", where))
            lines += _indent(body)
        outs = names.carries + ([names.count] if self.kind == "while" else [])
        outs += {"tape": [names.tape], "checkpoint": [names.checkpoints]}.get(mode, [])
        if mode == "checkpoint" and self.kind == "while":
            outs.append(names.segment)
        lines.append((f"{out} = {_tuple(outs)}", where))
        return _render(lines, where)

    def _while_checkpoint(self, names: _Names, where: str) -> list:
        """A `while` loop's checkpoints (--checkpoint): the carry every `segment` iterations;
        past 2 × segment checkpoints, every other one is dropped and the segment doubles, so
        that n iterations keep O(√n) checkpoints of segments of O(√n) iterations."""
        kept, seg = names.checkpoints, names.segment
        return [
            (f"if {names.count} % {seg} == 0:", where),
            (f"    {kept}.append({_tuple(names.carries)})", where),
            (f"    if len({kept}) > 2 * {seg}:", where),
            (f"        {kept}, {seg} = {kept}[::2], 2 * {seg}", where),
        ]

    def _forward_roots(self, saved: list[Value]) -> list[Value]:
        return [*self.news, *saved, *([self.cond] if self.cond is not None else [])]

    def _segments(
        self,
        names: _Names,
        args: list[str],
        v: Value,
        where: str,
        backward: bool = False,
    ) -> list:
        """The iterations cut into segments of about √T (--checkpoint), and the loop over
        the segments' starts (the last first in the backward sweep)."""
        starts = f"range(0, len({names.steps}), {names.segment})"
        return [
            (f"{names.steps} = {self.range_text(args, v)}", where),
            (f"{names.segment} = max(1, int(len({names.steps}) ** 0.5))", where),
            (
                f"for {names.start} in {f'reversed({starts})' if backward else starts}:",
                where,
            ),
        ]

    def _forward_body(
        self,
        printer,
        names: _Names,
        arrays: list[str],
        saved: list[Value],
        bound,
        where: str,
        replay: bool = False,
    ) -> list:
        """One iteration of the forward sweep (with the push of `saved` on the tape); a
        `replay` of a `while` loop's iteration (its count known) neither tests nor counts."""
        lines = []
        if self.kind == "for":
            lines += [
                (f"{names.of(p)} = {a}[{names.counter}]", where)
                for (p, _), a in zip(self.rows, arrays)
            ]
        elif not replay:
            cond_lines, defined = _block(printer, [self.cond], set(), bound, True)
            lines += cond_lines
            lines.append((f"if not {_text(printer, self.cond)}:", where))
            lines.append(("    break", where))
            bound = bound | defined
        keep = {r.id for r in saved}
        body, _ = _block(printer, [*self.news, *saved], keep, bound, True)
        lines += body
        if saved:
            lines.append((f"{names.tape}.append({_tuple([names.of(r) for r in saved])})", where))
        rebind = _rebind(names.carries, [_text(printer, n) for n in self.news])
        lines += [(line, where) for line in rebind]
        if self.kind == "while" and not replay:
            lines.append((f"{names.count} += 1", where))
        return lines


class _Names:
    """The names one loop's sweeps use in the generated module (the same in every function)."""

    def __init__(self, printer, body: Body):
        self.namer = namer = printer.namer
        fixed = printer.__dict__.setdefault("loop_names", {})
        if id(body) not in fixed:
            fixed[id(body)] = {
                k: namer._fresh(k)
                for k in (
                    "tape",
                    "checkpoints",
                    "steps",
                    "segment",
                    "start",
                    "iterations",
                )
            }
        made = fixed[id(body)]
        self.tape, self.checkpoints, self.steps = (
            made["tape"],
            made["checkpoints"],
            made["steps"],
        )
        self.segment, self.start, self.count = (
            made["segment"],
            made["start"],
            made["iterations"],
        )
        self.segment_of = f"{self.start} : {self.start} + {self.segment}"
        self.carries = [namer.name(p) for p in body.carries]
        self.counter = namer.name(body.counter) if body.counter is not None else "_"

    def of(self, v: Value) -> str:
        return self.namer.name(v)


def _mode(printer, v: Value, body: Body) -> str:
    """How this function runs loop v: "none" when it has no backward sweep of v (the value
    alone), else "checkpoint" (--checkpoint) or "tape"."""
    scope = getattr(printer, "scope", None)
    if scope is not None and not any(u.op == "loop_adjoint" and u.args[0] is v for u in scope):
        return "none"
    return "checkpoint" if body.options.get("checkpoint") else "tape"


@dataclass(frozen=True)
class Adjoint:
    """The backward sweep of one loop (the `body` attribute of `loop_adjoint`)."""

    loop: Body
    cots: tuple[Value, ...]  # placeholders: the adjoint of the carry at the end of iteration t
    carry_bars: tuple[Value, ...]  # ... at its start
    rows: tuple[tuple[int, Value], ...]  # (position in loop.rows, the row's adjoint at t)
    invs: tuple[tuple[int, Value], ...]  # (position in loop.invs, that value's adjoint at t)
    saved: tuple[int, ...]  # the tape entries this sweep reads

    def roots(self) -> list[Value]:
        """The values the backward sweep's body computes (for what the module must import)."""
        return [
            *self.carry_bars,
            *(a for _, a in self.rows),
            *(a for _, a in self.invs),
        ]

    def __repr__(self) -> str:
        return f"adjoint of {self.loop!r}"

    def emit_backward(self, printer, v: Value, inline: set[int], out: str) -> str:
        """The backward sweep: t = T-1..0, popping the tape (with --checkpoint: per segment,
        last first, the segment's forward sweep run again from its checkpoint, then its
        backward sweep)."""
        body = self.loop
        names = _Names(printer, body)
        namer = printer.namer
        args = [printer.expr(a, inline)[0] for a in v.args]
        k_count, nb, r_count = len(body.carries), body.bounds, len(body.rows)
        loop = args[0]
        seeds = args[1 : 1 + k_count]
        bounds = args[1 + k_count : 1 + k_count + nb]
        arrays = args[1 + k_count + nb :]  # the rows' arrays, then the invariants
        checkpoint = body.options.get("checkpoint", False)
        where = f"grad of {one_line(printer.filename)}:{body.line}"
        cots = [namer.name(c) for c in self.cots]
        lines = [(f"{', '.join(cots)} = {', '.join(seeds)}", where)]
        fixed = printer.__dict__.setdefault("loop_grads", {})
        grads = []
        for k, (j, _) in enumerate(self.rows + self.invs):
            row = k < len(self.rows)
            p = body.rows[j][0] if row else body.invs[j][0]
            key = (id(self), k)
            if key not in fixed:
                fixed[key] = namer._fresh("g_" + namer.name(p))
            grads.append(fixed[key])
            outer = arrays[j] if row else arrays[r_count + j]
            zeros = "0.0" if not row and p.rank == 0 else f"np.zeros(np.shape({outer}))"
            lines.append((f"{fixed[key]} = {zeros}", where))
        lines += [
            (f"{namer.name(p)} = {arrays[r_count + k]}", where)
            for k, (p, _) in enumerate(body.invs)
        ]
        pushed = [r for r in body.saved() if r.id in self.saved] if checkpoint else body.saved()
        bound = body.placeholders() | {c.id for c in self.cots}
        outs = [*self.carry_bars, *(b for _, b in self.rows + self.invs)]
        roots = outs + (body._forward_roots(pushed) if checkpoint else [])
        hoisted, defined = _hoist(printer, roots, bound | set(self.saved), False)
        lines += hoisted
        bound = bound | defined
        # one iteration of the backward sweep
        popped = [namer.name(r) if r.id in self.saved else "_" for r in pushed]
        inner = []
        if popped:
            targets = ", ".join(popped) if len(popped) > 1 else f"({popped[0]},)"
            inner.append((f"{targets} = {names.tape}.pop()", where))
        reads = _reads(outs, bound | set(self.saved))
        inner += [
            (f"{namer.name(p)} = {arrays[j]}[{names.counter}]", where)
            for j, (p, _) in enumerate(body.rows)
            if p.id in reads
        ]
        block, _ = _block(printer, outs, set(), bound | set(self.saved))
        inner += block
        for k, (_, b) in enumerate(self.rows):  # each t once: the row's adjoint is assigned
            inner.append((f"{grads[k]}[{names.counter}] = {_text(printer, b)}", where))
        for k, (_, b) in enumerate(self.invs):
            inner.append((f"{grads[len(self.rows) + k]} += {_text(printer, b)}", where))
        inner += [
            (line, where) for line in _rebind(cots, [_text(printer, b) for b in self.carry_bars])
        ]
        if not checkpoint:
            lines.append((f"{names.tape} = {loop}[{k_count + (body.kind == 'while')}]", where))
            if body.kind == "for":
                lines.append(
                    (
                        f"for {names.counter} in reversed({body.range_text(bounds, v.args[0])}):",
                        where,
                    )
                )
            else:
                lines.append((f"for _ in range({loop}[{k_count}]):", where))
            lines += _indent(inner or [("pass", where)])
        else:  # per segment, last first: its forward sweep again, then its backward sweep
            while_ = body.kind == "while"
            lines.append((f"{names.checkpoints} = {loop}[{k_count + while_}]", where))
            carries = _tuple(names.carries) if len(names.carries) == 1 else ", ".join(names.carries)
            if while_:  # checkpoint k starts iteration k × segment; the last one, the count
                lines.append((f"{names.segment} = {loop}[{k_count + 2}]", where))
                lines.append(
                    (f"for {names.start} in reversed(range(len({names.checkpoints}))):", where)
                )
                steps = f"min({names.segment}, {loop}[{k_count}] - {names.start} * {names.segment})"
                replayed = f"for _ in range({steps}):"
                backwards = f"for _ in range(len({names.tape})):"
            else:
                lines += body._segments(names, bounds, v.args[0], where, backward=True)
                replayed = f"for {names.counter} in {names.steps}[{names.segment_of}]:"
                backwards = f"for {names.counter} in reversed({names.steps}[{names.segment_of}]):"
            lines.append((f"    {carries} = {names.checkpoints}.pop()", where))
            lines.append((f"    {names.tape} = []", where))
            lines.append((f"    {replayed}", where))
            rows = arrays[:r_count]
            forward = body._forward_body(
                printer, names, rows, pushed, bound, where.removeprefix("grad of "), replay=True
            )
            lines += _indent(_indent(forward))
            lines.append((f"    {backwards}", where))
            lines += _indent(_indent(inner or [("pass", where)]))
        lines.append((f"{out} = {_tuple(cots + grads)}", where))
        return _render(lines, where)


def _variant(roots: list[Value]) -> set[int]:
    """The values that change from one iteration to the next (they depend on the carry, the
    rows, the loop variable or a carry's adjoint); the others are loop-invariant."""
    out: set[int] = set()
    for u in reachable(roots):
        if u.op == "loop_in":
            if u.attr("kind") != "inv":
                out.add(u.id)
        elif any(a.id in out for a in u.args):
            out.add(u.id)
    return out


def _hoist(printer, roots: list[Value], bound: set[int], forward: bool):
    """The loop-invariant statements of a body, computed once before the loop."""
    variant = _variant(roots)
    g = printer.g
    needed: dict[int, Value] = {}
    for u in reachable(roots):
        if u.id in variant or u.id in bound or u.op == "loop_in" or _leaf(g, u):
            continue
        if u in roots or any(u in v.args for v in reachable(roots) if v.id in variant):
            needed[u.id] = u
    if not needed:
        return [], set()
    keep = set(needed)
    return _block(printer, list(needed.values()), keep, bound, forward)


def _tuple(names: list[str]) -> str:
    """A tuple display: (a, b) or (a,) (no trailing comma, which black would spread out)."""
    return f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"


def _indent(lines: list) -> list:
    return [("    " + text, note) for text, note in lines]


def _render(lines: list, where: str) -> str:
    """The block's (line, source note) pairs as text, with one comment above each run of
    lines from the same model line (tangent's comment pass, as codegen's Function.lines):
    a nested run starts out in its enclosing run; the block itself starts in `where`."""
    out: list[str] = []
    runs = [("", where)]  # (indentation, note of the current run) per nesting level
    for text, note in lines:
        indent = text[: len(text) - len(text.lstrip())]
        while len(runs) > 1 and len(runs[-1][0]) > len(indent):
            runs.pop()
        if len(runs[-1][0]) < len(indent):
            runs.append((indent, runs[-1][1]))
        if note and note != runs[-1][1]:
            out.append(f"{indent}# {note}")
            runs[-1] = (indent, note)
        out.append(text)
    return "\n".join(out)


def _reads(roots: list[Value], stop: set[int]) -> set[int]:
    """The values computing `roots` reads, not looking behind those in `stop`."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        u = stack.pop()
        if u.id in seen:
            continue
        seen.add(u.id)
        if u.id not in stop:
            stack.extend(u.args)
    return seen


def _rebind(names: list[str], texts: list[str]) -> list[str]:
    """`a, b = new_a, new_b` for the next iteration (names that keep their value left out)."""
    pairs = [(n, t) for n, t in zip(names, texts) if n != t]
    if not pairs:
        return []
    return [f"{', '.join(n for n, _ in pairs)} = {', '.join(t for _, t in pairs)}"]


def _text(printer, v: Value) -> str:
    return printer.expr(v, {v.id} if _leaf(printer.g, v) else set())[0]


def _block(
    printer, outs: list[Value], keep: set[int], bound: set[int], forward: bool = False
) -> tuple[list[tuple[str, str]], set[int]]:
    """The statements computing `outs` from the placeholders (and `bound` values), as (line,
    source note) pairs; no `del` (a value of one iteration is rebound by the next)."""
    statements = printer.program(outs, set(keep), False, frozenset(bound))
    lines: list[tuple[str, str]] = []
    defined: set[int] = set()
    for s in statements:
        if s.lines and s.lines[0].startswith("del "):
            continue
        defined |= set(s.defs)
        comment = s.comment.removeprefix("grad of ") if forward else s.comment
        lines += [(line, comment) for line in s.lines]
    return lines, defined


# -- the frontend's side: building a loop from its statement ----------------------------------
@dataclass
class Context:
    """The loop whose body the builder is compiling."""

    line: int
    counter_name: str | None
    counter: Value | None
    outer: dict[int, Value]  # invariant placeholder id -> the value outside the loop
    rows: dict[int, Value] = field(default_factory=dict)  # outer array id -> row placeholder
    arrays: dict[int, Value] = field(default_factory=dict)  # outer array id -> outer array

    def row(self, g: Graph, array: Value, name: str) -> Value:
        if array.id not in self.rows:
            p = g.op(
                "loop_in",
                kind="row",
                loop=self.line,
                name=name,
                dims=array.shape[1:],
                struct=GENERAL,
                of=array.id,
            )
            g.name(p, name)
            self.rows[array.id] = p
            self.arrays[array.id] = array
        return self.rows[array.id]


def _assigned(body: list[ast.stmt]) -> list[str]:
    """The names a loop body assigns (X[k] = v rebinds X too), in order of appearance."""
    out: dict[str, None] = {}
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out[node.id] = None
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for t in targets:
            while isinstance(t, ast.Subscript):
                t = t.value
            if isinstance(t, ast.Name):
                out[t.id] = None
    return list(out)


def _bound(b, node: ast.expr) -> Value:
    v = b.value(node)
    if v.rank != 0:
        raise b.err("a range() bound must be a scalar integer", node)
    if b.depends_on_data(v):
        raise b.err(
            f"the trip count `{ast.unparse(node)}` depends on a value being differentiated",
            node,
            "a loop's trip count must not depend on the differentiated parameters; "
            "use a constant, a size (X.shape[0]) or an int parameter",
        )
    return v


def _iteration(b, stmt: ast.For):
    """(start, stop, step, counter name, [(target name, outer array)]) of a `for`."""
    g, it, target = b.g, stmt.iter, stmt.target
    call = it.func.id if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) else None
    if call is not None and call in b.env:
        call = None
    names = target.elts if isinstance(target, ast.Tuple) else [target]
    if not all(isinstance(n, ast.Name) for n in names):
        raise b.err("a loop target must be a name or a tuple of names", target, HINT)
    zero_, one = g.const(0, "0"), g.const(1, "1")
    if call == "range" and not it.keywords and 1 <= len(it.args) <= 3:
        if not isinstance(target, ast.Name):
            raise b.err("range() gives one number per iteration: for t in range(T)", target)
        bounds = [_bound(b, a) for a in it.args]
        if len(bounds) == 1:
            bounds = [zero_, bounds[0], one]
        elif len(bounds) == 2:
            bounds.append(one)
        if bounds[2].is_const(0.0):
            raise b.err("range() step cannot be zero", it.args[2])
        return (*bounds, target.id, [])
    counter = None
    if call == "enumerate" and len(it.args) == 1 and not it.keywords:
        if len(names) != 2:
            raise b.err("enumerate gives pairs: for t, row in enumerate(X)", target)
        counter, names, sources = names[0].id, names[1:], [it.args[0]]
        inner = it.args[0]
        if (
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Name)
            and inner.func.id == "zip"
        ):
            raise b.err(
                "enumerate(zip(...)) is not supported; use for t in range(...)",
                it,
                HINT,
            )
    elif call == "zip" and it.args and not it.keywords:
        if len(names) != len(it.args):
            raise b.err(f"zip of {len(it.args)} arrays gives {len(it.args)}-tuples", target)
        sources = it.args
    elif call is None and not isinstance(it, ast.Call):
        if not isinstance(target, ast.Name):
            raise b.err("for row in X binds one name", target)
        sources = [it]
    else:
        raise b.err(
            "supported loops: for i in range(...), for row in X, enumerate(X), zip(X, Y)",
            it,
            HINT,
        )
    arrays = []
    for node in sources:
        x = b.value(node)
        if x.rank == 0:
            raise b.err("cannot iterate over a scalar", node)
        arrays.append(x)
    stop = g.op("dim", arrays[0], axis=0)
    for x in arrays[1:]:  # zip stops at the shortest
        if not g.same_dim(x.shape[0], arrays[0].shape[0]):
            stop = g.op("minimum", stop, g.op("dim", x, axis=0))
    rows = [(n.id, x) for n, x in zip(names, arrays)]
    return zero_, stop, one, counter, rows


def build_for(b, stmt: ast.For) -> None:
    """A `for` loop whose trip count is known only at run time (or is above the unroll limit)."""
    if stmt.orelse:
        raise b.err("`for ... else` is not supported", stmt.orelse[0], HINT)
    _nested(b, stmt)
    start, stop, step, counter_name, rows = _iteration(b, stmt)
    _build(b, stmt, "for", (start, stop, step), counter_name, rows)


def build_while(b, stmt: ast.While) -> None:
    """A `while` loop whose condition depends on run-time data."""
    if stmt.orelse:
        raise b.err("`while ... else` is not supported", stmt.orelse[0], HINT)
    _nested(b, stmt)
    _build(b, stmt, "while", (), None, [])


def _nested(b, stmt: ast.stmt) -> None:
    if b.in_loop is not None:
        raise b.err(
            "a loop with a run-time trip count inside another one is not supported",
            stmt,
            "give the inner loop a trip count known while compiling (it is unrolled), or "
            "write the outer loop's body as matrix operations",
        )


def _build(b, stmt, kind: str, bounds: tuple, counter_name: str | None, rows: list) -> None:
    g = b.g
    line = stmt.lineno
    g.loc = g.at = _loc(stmt)
    outer_env = dict(b.env)
    assigned = set(_assigned(stmt.body))
    carried = [n for n in outer_env if n in assigned and isinstance(outer_env[n], Value)]
    ctx = Context(line, counter_name, None, {})
    env: dict = {}

    def wrap(name: str, v):
        if isinstance(v, tuple):
            return tuple(wrap(f"{name}_{i}", u) for i, u in enumerate(v))
        if not isinstance(v, Value):
            return v  # a factorization: if the body uses it, the check below says so
        carry = name in carried
        if not carry and (v.is_const() or (v.is_param and not b.depends_on_data(v))):
            return v  # constants and int parameters: the same inside the loop
        if not carry and v.op == "dim" and v.args[0].is_param:
            return v
        p = g.op(
            "loop_in",
            kind="carry" if carry else "inv",
            loop=line,
            name=name,
            dims=v.shape,
            struct=GENERAL if carry else v.struct,
            of=None if carry else v.id,
        )
        g.name(p, name)
        if not carry:
            ctx.outer[p.id] = v
        return p

    for name, v in outer_env.items():
        env[name] = wrap(name, v)
    for name in assigned - set(outer_env):
        pass  # names first assigned in the body live only inside it
    if kind == "for":
        cname = counter_name or "t"
        counter = g.op("loop_in", kind="counter", loop=line, name=cname, dims=(), struct=GENERAL)
        g.name(counter, cname)
        ctx.counter = counter
        if counter_name is not None:
            env[counter_name] = counter
        for name, x in rows:
            env[name] = ctx.row(g, x, name)
    b.env, b.in_loop = dict(env), ctx
    cond = None
    try:
        if kind == "while":
            cond = condition(b, stmt.test)
        b.unrolled(stmt.body)
        news = []
        for name in carried:
            new = b.env.get(name)
            if not isinstance(new, Value):
                raise b.err(f"`{name}` must stay an array or a number in the loop", stmt)
            news.append(new)
    finally:
        b.in_loop = None
        b.env = outer_env
    g.loc = g.at = _loc(stmt)
    carries = [env[n] for n in carried]
    for name, p, new in zip(carried, carries, news):
        if new.rank != p.rank:
            kinds = ("a scalar", "a vector", "a matrix")
            raise b.err(
                f"`{name}` changes shape in the loop: {kinds[min(p.rank, 2)]} before it, "
                f"{kinds[min(new.rank, 2)]} after one iteration",
                stmt,
                "a value carried from one iteration to the next keeps its shape "
                "(start a sum of scalars at 0.0, of vectors at np.zeros(n))",
            )
        for d, e in zip(p.shape, new.shape):
            g.unify(d, e, f"the carried value `{name}`", (p, new))
    if news:
        news = optimize.optimize(g, news)[0]
    _closed(b, stmt, news + ([cond] if cond is not None else []))
    used = {u.id for u in reachable(news + ([cond] if cond is not None else []))}
    args = list(bounds) + [outer_env[n] for n in carried]
    row_list, inv_list = [], []
    for oid, p in ctx.rows.items():
        if p.id in used:
            row_list.append((p, len(args)))
            args.append(ctx.arrays[oid])
    for pid, outer in ctx.outer.items():
        if pid in used:
            inv_list.append((g.values[pid], len(args)))
            args.append(outer)
    body = Body(
        kind,
        line,
        ctx.counter,
        tuple(carries),
        tuple(news),
        tuple(row_list),
        tuple(inv_list),
        cond,
        len(bounds),
        tuple(carried),
    )
    g.loc = g.at = _loc(stmt)
    loop = g.op("loop", *args, body=body)
    for k, (name, p) in enumerate(zip(carried, carries)):
        out = g.op("loop_out", loop, index=k, dims=p.shape, struct=GENERAL)
        g.name(out, name)
        b.env[name] = out


def _closed(b, stmt, roots: list[Value]) -> None:
    """The body reads the outside only through its placeholders (else its gradient would be
    lost): a value it cannot carry (a factorization object) is an error."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        u = stack.pop()
        if u.id in seen or u.op == "loop_in":
            continue
        seen.add(u.id)
        if u.is_param and b.depends_on_data(u):
            raise b.err(
                "this loop's body uses a value from before the loop that cannot be carried "
                "into a run-time loop (a factorization object?)",
                stmt,
                "compute it inside the loop, or pass arrays only",
            )
        stack.extend(u.args)


def condition(b, node: ast.expr) -> Value:
    """A `while` condition as a run-time scalar value (nonzero: keep going)."""
    g = b.g
    g.at = _loc(node)
    if isinstance(node, ast.BoolOp):
        parts = [condition(b, v) for v in node.values]
        out = parts[0]
        for p in parts[1:]:
            out = g.op("mul" if isinstance(node.op, ast.And) else "maximum", out, p)
        return out
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return g.op("equal", condition(b, node.operand), g.const(0.0))
    if isinstance(node, ast.Compare):
        left, out = b.value(node.left), None
        for op, right_node in zip(node.ops, node.comparators):
            right = b.value(right_node)
            g.at = _loc(node)
            c = b.compare(op, left, right, node)
            out = c if out is None else g.op("mul", out, c)
            left = right
        v = out
    else:
        v = g.op("not_equal", b.value(node), g.const(0.0))
    if v.rank != 0:
        raise CompileError(
            "a condition must be a scalar (the truth of an array is ambiguous)",
            _loc(node),
            "reduce it first, e.g. np.min(x) > 0 or np.sum(x) > 0",
        )
    return v


def row(b, node: ast.Subscript) -> Value | None:
    """`Y[t]` (or `Y[t, ...]`) in a loop over t: the row of a loop-invariant array read at
    iteration t (scan's per-iteration input); None when node is not such a read."""
    ctx = b.in_loop
    if ctx is None or ctx.counter_name is None:
        return None
    index = node.slice
    parts = index.elts if isinstance(index, ast.Tuple) else [index]
    first = parts[0] if parts else None
    if not (
        isinstance(first, ast.Name)
        and first.id == ctx.counter_name
        and b.env.get(first.id) is ctx.counter
    ):
        return None
    base = b.value(node.value)
    outer = ctx.outer.get(base.id)
    if outer is None and base.is_param:
        outer = base  # an int parameter cannot be indexed: the rank check says so
    if outer is None:
        raise b.err(
            f"only arrays defined before the loop can be indexed by the loop variable "
            f"`{ctx.counter_name}`",
            node,
            "index an array that the loop does not change, e.g. Y[t] with Y a parameter",
        )
    if base.rank == 0:
        raise b.err("cannot index a scalar", node)
    name = ast.unparse(node.value).replace(".", "_") + "_t"
    p = ctx.row(b.g, outer, name if name.isidentifier() else "row")
    if len(parts) == 1:
        return p
    key = b.key(ast.Tuple(elts=list(parts[1:]), ctx=ast.Load()))
    b.g.at = _loc(node)
    return b.g.op("index", p, key=key)


def configure(g: Graph, checkpoint: bool = False) -> None:
    """How the run-time loops of a model run their sweeps (--checkpoint: the loop state at the
    start of each of about √T segments instead of a tape of every iteration; the backward
    sweep runs each segment forward again, last first, and then backwards: memory O(√T) for
    one more forward sweep, Griewank's checkpointing with √T uniform segments; a `while`
    loop, whose T is known only when it stops, doubles its segments as it runs)."""
    if not checkpoint:
        return
    for v in g.values:
        if isinstance(v.attr("body"), Body):
            v.attr("body").options["checkpoint"] = True
