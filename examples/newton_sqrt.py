"""A `while` loop with a run-time condition: Newton's iteration for the square roots of
c = a² + 1, run until the residual is small (or 100 iterations), then a weighted sum.

The loop stays a loop in the generated module; its gradient is the gradient of the
iterations taken (Tangent's definition; JAX's while_loop has no reverse mode)."""

import numpy as np


def newton_sqrt(a: "n", w: "n"):
    c = a * a + 1.0
    x = c  # above the root: Newton's iteration decreases to it
    k = 0
    while np.max(np.abs(x * x - c)) > 1e-12 and k < 100:
        x = 0.5 * (x + c / x)
        k += 1
    return w @ x
