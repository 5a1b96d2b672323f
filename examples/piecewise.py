"""A piecewise objective that branches on the data: the pseudo-Huber-like loss of a linear
model's residual norm, quadratic near zero and linear beyond `delta`, with a guard that
refuses a non-positive threshold. Each branch is differentiated; the gradient is that of
the branch taken (as in JAX's lax.cond)."""

import numpy as np


def robust_fit(w: "d", X: "m,d", y: "m", delta=0.5):
    assert delta > 0, "delta must be positive"
    r = X @ w - y
    a = np.sqrt(np.sum(r * r))
    if a <= delta:
        loss = 0.5 * a * a
    elif a <= 10 * delta:
        loss = delta * (a - 0.5 * delta)
    else:
        loss = delta * (10 * delta - 0.5 * delta) + np.log(a / (10 * delta))
    return loss + 1e-3 * np.sum(w * w)
