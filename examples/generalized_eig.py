"""The largest generalized eigenvalue of A x = λ B x (A symmetric, B SPD), computed through a
Cholesky factor B = L Lᵀ: the eigenvalues of L⁻¹ A L⁻ᵀ."""

import numpy as np


def top_generalized_eigenvalue(A: "sym(n,n)", B: "spd(n,n)"):
    L = np.linalg.cholesky(B)
    C = np.linalg.solve(L, np.linalg.solve(L, A).T).T
    w = np.linalg.eigvalsh(C)
    return w[-1]
