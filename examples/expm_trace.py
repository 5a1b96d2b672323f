"""tr(B exp(A)) through scipy.linalg.expm: the generated module imports scipy.linalg too,
because this model does. The gradient is the adjoint Fréchet derivative L(Aᵀ, Bᵀ)."""

import numpy as np
import scipy.linalg


def expm_trace(A: "n,n", B: "n,n"):
    return np.trace(B @ scipy.linalg.expm(A))
