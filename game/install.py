"""Saying "Red Heat is not installed for this Python" instead of blaming a level for a missing package.

Tiled runs the project's commands with whatever ``python`` or ``redheat`` it finds; when that Python lacks
the game's dependencies the import of pytmx, numpy, pygame or mido fails deep inside a load. The command
line catches that here and prints what is missing and the one command that fixes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Import names of the dependencies in pyproject.toml (pip names differ: pygame-ce, pytmx, numpy, mido).
DEPENDENCIES = {"pytmx": "pytmx", "numpy": "numpy", "pygame": "pygame-ce", "mido": "mido"}


def is_missing_dependency(exc: BaseException) -> bool:
    """True for an ImportError of one of the game's own dependencies (not of a module of ours)."""
    name = getattr(exc, "name", None) or ""
    return isinstance(exc, ImportError) and name.split(".")[0] in DEPENDENCIES


def install_message(exc: ImportError) -> str:
    """One line: which package this Python lacks, which Python it is, and the command that fixes it."""
    name = (getattr(exc, "name", None) or "?").split(".")[0]
    package = DEPENDENCIES.get(name, name)
    root = Path(__file__).resolve().parent.parent
    return (f"Red Heat is not installed for this Python ({sys.executable}): it has no '{package}'. "
            f"Install the game into it: {sys.executable} -m pip install -e {root} "
            f"(or point Tiled's commands at the redheat of the environment that has it)")
