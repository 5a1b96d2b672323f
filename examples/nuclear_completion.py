"""Matrix completion: a masked squared error plus λ times the nuclear norm."""

import numpy as np


def nuclear_completion(X: "m,n", M: "m,n", W: "m,n", lam: "scalar"):
    return 0.5 * np.sum((W * (X - M)) ** 2) + lam * np.linalg.norm(X, "nuc")
