"""GP negative log marginal likelihood, RBF kernel, inputs X (n points in d dimensions).

K = sf2 · exp(−‖xᵢ − xⱼ‖² / (2 ell²)) + sn2 · I
f = ½ yᵀ K⁻¹ y + ½ log det K + ½ n log 2π
Benchmarked with --wrt ell,sf2,sn2. The language has no axis= and no indexing, so the squared
distances are written with the Gram matrix, its diagonal and outer products with a ones vector.
"""

import numpy as np


def gp_nlml(X: "n,d", y: "n", ell: "scalar", sf2: "scalar", sn2: "scalar"):
    n = X.shape[0]
    I = np.eye(n)
    one = np.diag(I)
    G = X @ X.T
    sq = np.diag(G)
    D = np.outer(sq, one) + np.outer(one, sq) - 2.0 * G
    K = sf2 * np.exp(-0.5 * D / ell**2) + sn2 * I
    alpha = np.linalg.solve(K, y)
    sign, logdet = np.linalg.slogdet(K)
    return 0.5 * (y @ alpha) + 0.5 * logdet + 0.5 * n * np.log(2 * np.pi)
