"""F12 screenshots: scaled by whole pixels, named by the time, never overwriting, a warning on failure."""

from __future__ import annotations

import pygame

from game.render import shots


def test_screenshot_is_the_canvas_scaled_by_whole_pixels_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.setattr(shots, "screenshot_folder", lambda: tmp_path / "pics")
    canvas = pygame.Surface((320, 180))
    canvas.fill((10, 20, 30))
    canvas.set_at((5, 7), (255, 0, 0))
    first = shots.save_screenshot(canvas, 3)
    second = shots.save_screenshot(canvas, 3)
    assert first is not None and second is not None and first != second
    assert first.name.startswith("redheat-") and first.suffix == ".png"
    img = pygame.image.load(str(first))
    assert img.get_size() == (960, 540)
    # nearest neighbour: the red pixel became a crisp 3x3 block
    assert all(img.get_at((15 + dx, 21 + dy))[:3] == (255, 0, 0) for dx in range(3) for dy in range(3))
    assert img.get_at((18, 21))[:3] == (10, 20, 30)


def test_screenshot_goes_to_the_pictures_folder_else_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("XDG_PICTURES_DIR", raising=False)
    monkeypatch.setenv("REDHEAT_HOME", str(tmp_path / "data"))
    assert shots.screenshot_folder() == tmp_path / "data" / "screenshots"
    (tmp_path / "Pictures").mkdir()
    assert shots.screenshot_folder() == tmp_path / "Pictures"


def test_unwritable_folder_gives_none_and_one_line(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(shots, "screenshot_folder", lambda: blocker / "pics")
    assert shots.save_screenshot(pygame.Surface((32, 18)), 2) is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "screenshot" in err[0]
