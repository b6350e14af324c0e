"""The pygame side of the art: bitmap fonts and Aseprite sprite sheets load, measure, draw and flip."""

from __future__ import annotations

import json

import pygame
import pytest

from game.paths import assets_dir
from game.render.atlas import SheetError, SpriteSheet, load_sheet
from game.render.font import BitmapFont


@pytest.fixture(scope="module", autouse=True)
def _display() -> None:
    pygame.display.init()


def test_small_font_measures_renders_and_draws_aligned_text():
    font = BitmapFont.load("small")
    w, h = font.size("DANKO 100")
    assert w > 30 and h == font.height
    surf = font.render("DANKO 100", (255, 64, 64))
    assert surf.get_size() == (w, h)
    assert surf.get_bounding_rect().w > 0
    canvas = pygame.Surface((320, 180), pygame.SRCALPHA)
    r = font.draw(canvas, "GO!", 160, 10, align="center")
    assert r.centerx in (159, 160, 161)
    r = font.draw(canvas, "x", 300, 20, align="right")
    assert r.right == 300
    assert font.size("A\nBB")[1] == font.line_height + font.height


def test_fonts_fall_back_for_unknown_characters_and_title_font_is_upper_case():
    small = BitmapFont.load("small")
    assert small.size("\u2603")[0] == small.size("?")[0]
    title = BitmapFont.load("title")
    assert title.size("red heat") == title.size("RED HEAT")
    assert title.render("BANYA").get_bounding_rect().w > 40


def test_sprite_sheet_slices_tags_and_caches_flipped_frames():
    sheet = load_sheet("danko")
    assert sheet is load_sheet("danko")
    frames = sheet.frames("punch1")
    assert len(frames) == 3 and all(d > 0 for _, d in frames)
    flipped = sheet.frames("punch1", flipped=True)
    assert flipped is sheet.frames("punch1", flipped=True)
    a, b = frames[1][0], flipped[1][0]
    w = a.get_width()
    assert a.get_at((40, 40)) == b.get_at((w - 1 - 40, 40))
    px, py = sheet.pivot
    assert sheet.pivot_for(True) == (w - 1 - px, py)
    # the feet stand on the pivot row: the lowest opaque pixel of an idle frame
    idle = sheet.frames("idle")[0][0]
    assert idle.get_bounding_rect().bottom - 1 == py


def test_sprite_sheet_reads_hash_form_and_trimmed_frames_and_reports_bad_files(tmp_path):
    img = pygame.Surface((8, 4), pygame.SRCALPHA)
    img.fill((255, 0, 0, 255))
    pygame.image.save(img, str(tmp_path / "t.png"))
    data = {
        "frames": {
            "t 0": {
                "frame": {"x": 0, "y": 0, "w": 4, "h": 4},
                "trimmed": True,
                "spriteSourceSize": {"x": 2, "y": 1, "w": 4, "h": 4},
                "sourceSize": {"w": 10, "h": 6},
                "duration": 50,
            }
        },
        "meta": {"image": "t.png", "frameTags": [{"name": "a", "from": 0, "to": 0, "direction": "forward"}]},
    }
    (tmp_path / "t.json").write_text(json.dumps(data))
    sheet = SpriteSheet.load(tmp_path / "t.json")
    surf, ms = sheet.frames("a")[0]
    assert surf.get_size() == (10, 6) and ms == 50 and surf.get_at((2, 1))[0] == 255
    assert sheet.pivot == (5, 5)
    (tmp_path / "bad.json").write_text("{nope")
    with pytest.raises(SheetError, match=r"bad\.json"):
        SpriteSheet.load(tmp_path / "bad.json")


def test_every_ui_image_loads():
    for path in sorted((assets_dir() / "ui").glob("*.png")):
        assert pygame.image.load(str(path)).get_width() > 0, path


def test_gun_frames_mark_the_muzzle_at_the_barrel_tip_for_both_facings():
    sheet = load_sheet("hitman")
    active = 1
    x, y = sheet.mark("muzzle", "shoot", active)
    px, py = sheet.pivot
    assert x > px + 15 and y < py - 25, "the muzzle sits ahead of the body at arm height"
    frame = sheet.frames("shoot")[active][0]
    assert frame.get_at((x - 1, y)).a > 0, "a gun pixel right behind the muzzle point"
    fx, fy = sheet.mark("muzzle", "shoot", active, flipped=True)
    assert (fx, fy) == (sheet.size[0] - 1 - x, y)
    assert sheet.mark("muzzle", "idle", 0) is None
