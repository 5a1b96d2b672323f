"""The symbolic calculator: `matgradc expr 'EXPR' --wrt X [--latex] [--hessian]`.

    $ matgradc expr 'trace(S*inv(X))' --wrt X
    Function: np.trace(S @ inv(X))
    Derivative: -(inv(X) @ S @ inv(X)).T
    $ matgradc expr 'inv(X)'
    Function: inv(X)
    Derivative: -X⁻¹ ⊗ X⁻ᵀ
    Jacobian: -np.kron(inv(X), inv(X).T)

The expression (the talk's syntax or NumPy's) becomes a model function that the compiler's
frontend builds (translate.py), the rules table's forms give its derivative (autodiff for a
gradient, jacobian.py for vectors and matrices), and what is the calculator's own prints it:
the normal form (normal.py), the NumPy printer (printer.py), LaTeX through sympy (latex.py).
"""

from .cli import main
from .core import Result, derive

__all__ = ["Result", "derive", "main"]
