"""A function of an eigenvector of a generalized problem K v = λ M v (stiffness K, mass M):
the squared participation (vᵀ M r)² of the fundamental mode v along a load pattern r. SciPy
returns M-orthonormal modes; only the lowest is computed (subset_by_index), so the
eigenvector derivative comes from one adjoint solve with K − λ M on the M-orthogonal
complement of v (a bordered system), not from the whole spectrum."""

import scipy.linalg


def fundamental_mode(K: "sym(n,n)", M: "spd(n,n)", r: "n"):
    w, V = scipy.linalg.eigh(K, M, subset_by_index=[0, 0])
    v = V[:, 0]
    return (v @ M @ r) ** 2 + w[0]
