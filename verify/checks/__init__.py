"""Numeric, property and statistical checks of the claims, registered on import.

Every module of this package registers its checks with
:func:`theory.registry.register_check` when imported; importing the package
imports all of them, so adding a check is adding a module (or a function to
one).  Each check takes a :class:`~verify.checks.context.RunContext`.
"""

import importlib
import pkgutil

import theory  # noqa: F401  (registers the claims and the symbolic checks)

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
    if not _info.name.startswith("_") and _info.name != "context":
        importlib.import_module(f"{__name__}.{_info.name}")
