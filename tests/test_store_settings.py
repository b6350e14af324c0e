"""settings.json: atomic saves, damaged files that fall back to defaults with a warning and a .bak."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.store import files
from game.store.settings import SETTINGS_VERSION, Settings, SettingsStore


def test_settings_survive_a_restart(tmp_path):
    s = Settings(music_volume=0.3, difficulty="hard", scale=2)
    s.bindings[1]["keys"]["punch"] = ["u"]
    SettingsStore(tmp_path).save(s)
    back = SettingsStore(tmp_path).load()
    assert (back.music_volume, back.difficulty, back.scale) == (0.3, "hard", 2)
    assert back.bindings[1]["keys"]["punch"] == ["u"]


@pytest.mark.parametrize("content", [
    "{oops",                                             # corrupt
    "",                                                  # empty
    '{"version": 1, "music_volume": 0.5, "bindi',        # truncated
    '{"version": 1, "music_volume": "loud"}',            # wrong type
    '{"version": 1, "scale": true}',                     # wrong type
    '{"version": 1, "difficulty": "nightmare"}',         # not a choice
    '{"version": 1, "bindings": {"p1": 1}}',             # wrong type
    '{"version": 1, "bindings": [{"keys": {"punch": "z"}}]}',
    '"just a string"',
])
def test_a_damaged_file_gives_defaults_a_warning_and_a_bak(tmp_path, capsys, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    settings = SettingsStore(tmp_path).load()
    assert settings == Settings()
    err = capsys.readouterr().err
    assert err.count("redheat:") == 1 and "settings" in err
    assert (tmp_path / "settings.json.bak").read_text() == content


def test_unknown_keys_and_actions_are_ignored(tmp_path, capsys):
    (tmp_path / "settings.json").write_text(json.dumps({
        "version": 1, "sfx_volume": 0.25, "shader": "crt",
        "bindings": [{"keys": {"punch": ["q"], "teleport": ["t"]}}]}))
    s = SettingsStore(tmp_path).load()
    assert s.sfx_volume == 0.25 and s.bindings[0]["keys"]["punch"] == ["q"]
    assert capsys.readouterr().err == ""


def test_a_newer_versions_file_is_not_destroyed(tmp_path, capsys):
    path = tmp_path / "settings.json"
    newer = json.dumps({"version": SETTINGS_VERSION + 1, "music_volume": 0.1, "hdr": True})
    path.write_text(newer)
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert "newer version" in capsys.readouterr().err
    store.save(Settings(music_volume=0.9))
    assert path.read_text() == newer


def test_a_write_interrupted_midway_leaves_the_previous_file_intact(tmp_path, monkeypatch, capsys):
    store = SettingsStore(tmp_path)
    store.save(Settings(difficulty="easy"))
    before = (tmp_path / "settings.json").read_text()
    real_fdopen = os.fdopen

    class HalfWritten:
        """A file that dies half-way through the write, like a full disk or a power cut."""

        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, text):
            self.f.write(text[: len(text) // 2])
            self.f.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, *a, **k: HalfWritten(real_fdopen(fd, *a, **k)))
    store.save(Settings(difficulty="hard"))          # warns, does not raise
    monkeypatch.undo()
    assert (tmp_path / "settings.json").read_text() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert SettingsStore(tmp_path).load().difficulty == "easy"
    assert "could not save settings" in capsys.readouterr().err


def test_atomic_write_replaces_the_file_in_one_step(tmp_path, monkeypatch):
    path = tmp_path / "x.json"
    path.write_text("old")
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(Path(src).read_text(encoding="utf-8"))   # the temporary file is whole before the rename
        assert path.read_text() == "old"
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    files.atomic_write_text(path, "new")
    assert seen == ["new"] and path.read_text() == "new"
