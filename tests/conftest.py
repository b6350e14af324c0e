"""Test setup: no display, no sound card, and a throwaway user folder for every session."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ.setdefault("REDHEAT_HOME", tempfile.mkdtemp(prefix="redheat-test-home-"))

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user data folder for settings and scores."""
    monkeypatch.setenv("REDHEAT_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def game(home):
    """The real app on the title screen, driven by synthetic input (see ``screen_driver.py``)."""
    from screen_driver import Driver

    return Driver()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the test levels to edit freely (their templates two folders up, as in the repository)."""
    from tests.scripted import copy_level_tree

    return copy_level_tree(tmp_path)
