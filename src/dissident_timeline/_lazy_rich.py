"""Defer two heavy modules that typer's rich help imports but `timeline --help` never uses.

`typer.rich_utils` imports `rich.markdown` (and with it markdown-it) and `rich.traceback`
(with pygments' machinery) at its top, for the `markdown` markup mode and for pretty
tracebacks; `timeline` uses neither (rich markup mode, pretty exceptions off). Until one of
them is really used, each is a stand-in module whose class is a stand-in that loads the
real module on first use and from then on every import gets the real one.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__all__ = ["install"]

_DEFERRED = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def install() -> None:
    """Put the stand-ins in place, unless the real modules are already loaded."""
    for module_name, class_name in _DEFERRED.items():
        if module_name not in sys.modules:
            sys.modules[module_name] = _stand_in(module_name, class_name)


def _real(module_name: str) -> types.ModuleType:
    module = sys.modules.get(module_name)
    if isinstance(module, _StandIn):
        del sys.modules[module_name]
        module = importlib.import_module(module_name)
    assert module is not None
    return module


class _StandIn(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (`__path__`...): not a use
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)  # any other name: the real module's


def _stand_in(module_name: str, class_name: str) -> types.ModuleType:
    module = _StandIn(module_name)

    class Deferred:
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return getattr(_real(module_name), class_name)(*args, **kwargs)

        @classmethod
        def from_exception(cls, *args: Any, **kwargs: Any) -> Any:  # Traceback.from_exception
            return getattr(_real(module_name), class_name).from_exception(*args, **kwargs)

    Deferred.__name__ = Deferred.__qualname__ = class_name
    setattr(module, class_name, Deferred)
    return module
