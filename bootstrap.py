"""Install Red Heat into a virtual environment of its own and play it, or run every test.

    python3 bootstrap.py play [GAME OPTIONS]     (Windows: py bootstrap.py play)
    python3 bootstrap.py test [PYTEST OPTIONS]   (Windows: py bootstrap.py test)

Works from a bare Python 3.11+ on Linux, macOS and Windows, including a system Python that refuses
``pip install`` (PEP 668, "externally-managed-environment"): everything goes into ``.venv`` beside
this file (``REDHEAT_VENV`` names another folder). Where Python's ``ensurepip`` is missing (Debian and
Ubuntu without python3-venv), the environment is made without pip and filled by the system's own pip
(``pip --python``); if there is no pip at all, one line says which package to install.
Standard library only, and nothing newer than Python 3.6 syntax so an old Python can say it is old.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
NEEDED = (3, 11)
USAGE = "usage: python3 bootstrap.py play|test [options]   (Windows: py bootstrap.py play|test)"


class Failure(Exception):
    """One line for the user, then exit 1."""


def venv_dir():
    return os.path.join(ROOT, os.environ.get("REDHEAT_VENV") or ".venv")


def venv_python(folder):
    if os.name == "nt":
        return os.path.join(folder, "Scripts", "python.exe")
    return os.path.join(folder, "bin", "python")


def quiet(cmd):
    """Run ``cmd`` capturing its output; (exit code, output)."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def has_pip(python):
    return quiet([python, "-m", "pip", "--version"])[0] == 0


def make_venv(folder):
    """A working environment in ``folder``; returns the pip command that installs into it."""
    python = venv_python(folder)
    if os.path.exists(python) and quiet([python, "-c", "import sys"])[0] == 0:
        if has_pip(python):
            return [python, "-m", "pip"]
        return system_pip(python)
    print("bootstrap: creating a virtual environment in " + folder, flush=True)
    code, out = quiet([sys.executable, "-m", "venv", folder])
    if code == 0 and has_pip(python):
        return [python, "-m", "pip"]
    # ensurepip is missing (Debian/Ubuntu without python3-venv): an environment without pip, then
    # the system's pip installs into it
    code, out = quiet([sys.executable, "-m", "venv", "--clear", "--without-pip", folder])
    if code != 0 or not os.path.exists(python):
        raise Failure(f"cannot create a virtual environment ({last_line(out)}); install your system's "
                      "Python venv package (Debian/Ubuntu: sudo apt install python3-venv) and run this again")
    return system_pip(python)


def system_pip(python):
    """This Python's own pip, installing into the environment of ``python`` (pip 22.3 or newer)."""
    code, out = quiet([sys.executable, "-m", "pip", "--version"])
    if code == 0:
        parts = out.split()
        version = tuple(int(p) for p in parts[1].split(".")[:2] if p.isdigit()) if len(parts) > 1 else ()
        if version >= (22, 3):
            return [sys.executable, "-m", "pip", "--python", python]
    raise Failure("this Python has neither ensurepip nor pip 22.3+; install your system's venv package "
                  "(Debian/Ubuntu: sudo apt install python3-venv python3-pip) and run this again")


def last_line(text):
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    return lines[-1] if lines else "no output"


def install(pip, extras):
    target = "." + (f"[{extras}]" if extras else "")
    print("bootstrap: installing Red Heat{} (pip install -e {})".format(
        " and its test tools" if extras else "", target), flush=True)
    code = subprocess.call([*pip, "install", "-q", "-e", target], cwd=ROOT)
    if code != 0:
        raise Failure(f"pip could not install Red Heat (exit {code}); see pip's messages above")


def main(argv):
    if sys.version_info[:2] < NEEDED:
        have = f"{sys.version_info[0]}.{sys.version_info[1]}"
        need = f"{NEEDED[0]}.{NEEDED[1]}"
        raise Failure(f"Red Heat needs Python {need} or newer; this is {have} ({sys.executable})")
    if not argv or argv[0] not in ("play", "test"):
        raise Failure(USAGE)
    folder = venv_dir()
    pip = make_venv(folder)
    python = venv_python(folder)
    if argv[0] == "play":
        install(pip, "")
        return subprocess.call([python, os.path.join(ROOT, "main.py"), *argv[1:]], cwd=ROOT)
    install(pip, "test")
    return subprocess.call([python, "-m", "pytest", *argv[1:]], cwd=ROOT)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Failure as exc:
        print(f"bootstrap: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
