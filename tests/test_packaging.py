"""Installed as a wheel, the game still finds its assets and levels (no checkout needed)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.soak
def test_wheel_carries_assets_and_levels(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".ci-venv", ".venv", "__pycache__", "*.egg-info", "build", ".pytest_cache", ".hypothesis"))
    wheels = tmp_path / "wheels"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps",
                        "-w", str(wheels), "-q"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    site = tmp_path / "site"
    wheel = next(wheels.glob("redheat-*.whl"))
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site),
                        str(wheel), "-q"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    code = ("import sys; from game.paths import levels_dir, assets_dir; "
            "assert 'site' in str(levels_dir()), levels_dir(); "
            "assert (levels_dir() / 'bathhouse.tmx').is_file(); assert (assets_dir() / 'tilesets').is_dir(); "
            "from game.cli import main; sys.exit(main(['sim', 'bathhouse', '--ticks', '30']))")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert '"level": "bathhouse"' in r.stdout
