"""Ridge regression: ‖X w − y‖² + λ ‖w‖²."""

import numpy as np


def ridge(w: "d", X: "m,d", y: "m", lam: "scalar"):
    r = X @ w - y
    return r @ r + lam * np.dot(w, w)
