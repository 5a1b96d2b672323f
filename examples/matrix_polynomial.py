"""‖p(X)‖²_F for the cubic p(X) = c₀ I + c₁ X + c₂ X² + c₃ X³, by Horner's rule in an unrolled
loop with a helper function (inlined, its lines kept in the generated comments)."""

import numpy as np

DEGREE = 3


def horner_step(P, X, c):
    return P @ X + c * np.eye(X.shape[0])


def poly_norm(X: "n,n", c: "4"):
    P = c[DEGREE] * np.eye(X.shape[0])
    for i in range(DEGREE):
        P = horner_step(P, X, c[DEGREE - 1 - i])
    return np.sum(P * P)
