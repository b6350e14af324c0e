"""The architecture's hard line: the rules and the level reader never load pygame."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_sim_and_tiled_never_import_pygame():
    code = (
        "import pkgutil, importlib, sys\n"
        "import game.sim, game.tiled\n"
        "for pkg in (game.sim, game.tiled):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "assert 'pygame' not in sys.modules, sorted(k for k in sys.modules if k.startswith('pygame'))\n"
        "print('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "clean" in out.stdout


def test_headless_sim_command_never_imports_pygame():
    code = (
        "import sys, io, contextlib\n"
        "from game.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    rc = main(['sim', 'builtin:corridor', '--ticks', '30'])\n"
        "assert rc == 0, rc\n"
        "assert 'pygame' not in sys.modules\n"
        "print('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "clean" in out.stdout
