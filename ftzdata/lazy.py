"""Packages whose public names load their modules on first use (``ftzdata``, ``ftzdata.extract``).

A package lists its public names in ``_LAZY`` (name → the submodule that defines it) and calls
:func:`make_lazy`. Where a submodule is named like the public function it defines (``ftzdata.metrics``,
``ftzdata.extract.claims``), importing the submodule would make Python set the package's attribute to the
module; the function keeps the name, as when the package imported everything at once.
"""

from __future__ import annotations

import importlib
import sys
import types


class LazyPackage(types.ModuleType):
    """A package module whose ``_LAZY`` names are imported on first access."""

    def _lazy(self) -> dict:
        return self.__dict__.get("_LAZY", {})

    def __getattr__(self, name: str):
        module = self._lazy().get(name)
        if module is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{self.__name__}.{module}"), name)
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value) -> None:
        if name in self._lazy() and isinstance(value, types.ModuleType) and value.__name__ == f"{self.__name__}.{name}":
            return  # the submodule named like its public function: the name stays the function's
        super().__setattr__(name, value)

    def __dir__(self):
        return sorted(set(self.__dict__) | set(self._lazy()))


def make_lazy(name: str) -> None:
    """Turn the package ``name`` (its ``_LAZY`` already set) into a :class:`LazyPackage`."""
    sys.modules[name].__class__ = LazyPackage
