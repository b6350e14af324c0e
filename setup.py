"""Build hook: a wheel carries assets/, levels/, templates/ and the Tiled project under game/_data.

An editable install or ``python main.py`` reads them from the checkout instead
(see ``game/paths.py``). All other metadata lives in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_DIRS = ("assets", "levels", "templates")
DATA_FILES = ("redheat.tiled-project",)


class BuildWithData(build_py):
    """Copy the game's data into the package when building a wheel."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "game" / "_data"
        for name in DATA_DIRS:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True)
        for name in DATA_FILES:
            if (ROOT / name).is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, target / name)


setup(cmdclass={"build_py": BuildWithData})
