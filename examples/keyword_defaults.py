"""An elastic-net style loss with keyword defaults, as scikit-learn's estimators take them.
Parameters with a default are constants unless named in --wrt; the generated functions keep
the signature and its defaults. Module constants are folded at compile time."""

import math

import numpy as np

EPS = 1e-8
_LOG_2PI = np.log(2 * np.pi)  # folded while compiling: the model is never run


def elastic_net(w: "d", X: "m,d", y: "m", alpha=1.0, *, l1_ratio=0.5, noise=1.0):
    m = X.shape[0]
    half = math.pi / (2 * math.pi)  # 0.5, folded
    r = X @ w - y
    nll = half * np.sum(r * r) / noise + 0.5 * m * (_LOG_2PI + np.log(noise))
    l1 = np.sum(np.sqrt(w * w + EPS))
    l2 = 0.5 * np.sum(w * w)
    return nll / m + alpha * (l1_ratio * l1 + (1 - l1_ratio) * l2)
