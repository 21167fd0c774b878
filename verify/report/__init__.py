"""Report sections written by ``python -m verify run --report DIR``.

Each module of this package that defines ``write(directory, context) ->
list[str]`` contributes a section: it writes its files (figures, tables) into
``directory`` and returns lines of text summarizing them for the report's
index.  Sections are discovered by module name, so adding one is adding a
module.
"""

from __future__ import annotations

import importlib
import pkgutil

__all__ = ["report_sections"]


def report_sections():
    """Return the section modules in name order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda item: item.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "write"):
            modules.append(module)
    return modules
