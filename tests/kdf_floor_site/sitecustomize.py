"""Lowers the keyfile's KDF floor to ``TEST_KDF`` in Python processes that tests spawn.

Only on their PYTHONPATH (put there by ``tests/conftest.py``), so a child process can open the
template stores as the test process does; production processes never see this directory. The
floor is lowered when the keyfile module is imported, so a child imports nothing more for it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

KEYFILE = "workbench.store.keyfile"
TEST_FLOOR = {"FLOOR_ITERATIONS": 1, "FLOOR_LANES": 1, "FLOOR_MEMORY_KIB": 8}


class _LowerFloorOnImport(MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != KEYFILE:
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        run_module = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_module(module)
            for attribute, value in TEST_FLOOR.items():
                setattr(module.KdfParams, attribute, value)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if __name__ == "sitecustomize":  # not when tests/conftest.py imports TEST_FLOOR from here
    sys.meta_path.insert(0, _LowerFloorOnImport())
