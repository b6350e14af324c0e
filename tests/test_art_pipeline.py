"""The art pipeline: reproducible output, the animation contract, Aseprite JSON, tileset and font coverage."""

from __future__ import annotations

import json
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.paths import assets_dir
from tools.art.build import PARTS, build_all
from tools.art.sheets import MOVES_FROM, frame_durations, parse_script

CHARACTERS = [
    "danko_bath",
    "danko",
    "ridzik",
    "thug",
    "thug_woodleg",
    "bather",
    "gangster",
    "nurse",
    "hitman",
    "viktor",
]
COMMON = [
    "idle",
    "walk",
    "jump",
    "hurt",
    "knockdown",
    "down",
    "getup",
    "death",
    "grabbed",
    "thrown",
    "block",
    "grab",
]
PLAYER_MOVES = [
    "punch1",
    "punch2",
    "punch3",
    "kick",
    "jump_kick",
    "jump_punch",
    "headbutt",
    "grab",
    "knee",
    "throw",
    "shoot",
]
ENEMY_MOVES = {
    "thug": ["punch", "kick"],
    "thug_woodleg": ["punch", "kick"],
    "bather": ["punch", "charge"],
    "gangster": ["punch", "knife"],
    "nurse": ["stab", "kick"],
    "hitman": ["punch", "shoot"],
    "viktor": ["punch", "kick", "shoot", "dash"],
}
ATTACKS = set(PLAYER_MOVES) - {"grab"} | {m for ms in ENEMY_MOVES.values() for m in ms}
MIN_FRAMES = {
    "idle": 2,
    "walk": 4,
    "jump": 2,
    "hurt": 2,
    "knockdown": 3,
    "down": 1,
    "getup": 2,
    "death": 3,
    "grabbed": 1,
    "thrown": 2,
    "block": 1,
    "grab": 1,
}
BATHHOUSE = [
    "wall_upper",
    "wall_lower",
    "wall_trim",
    "wall_window",
    "wall_door",
    "wall_pipe",
    "wall_sign",
    "wall_dark",
    "floor_a",
    "floor_b",
    "floor_edge",
    "floor_drain",
    "floor_wet",
    "floor_grate",
    "floor_shadow",
    "floor_crack",
    "pool_edge_top",
    "pool_water",
    "pool_water2",
    "pool_edge_bottom",
    "bench_left",
    "bench_right",
    "column_top",
    "column_base",
    "steam_a",
    "steam_b",
    "towel_rack",
    "bucket",
    "lamp",
    "ceiling",
    "ceiling_beam",
    "front_edge",
]
NOT_SOLID = {8, 9, 10, 11, 12, 13, 14, 15, 22, 24, 25, 28}
TILESETS = ["bathhouse", "moscow_street", "chicago_night", "hospital", "hotel", "bus_station", "chase_road"]


def sheet_json(name: str, folder: str = "sprites") -> dict:
    return json.loads((assets_dir() / folder / f"{name}.json").read_text(encoding="utf-8"))


def test_pipeline_rebuild_is_byte_identical_to_the_committed_assets(tmp_path: Path):
    written = build_all(tmp_path, list(PARTS), moves_dir=assets_dir() / "data" / "moves")
    assert len(written) > 40
    differing = [
        str(p.relative_to(tmp_path))
        for p in written
        if p.read_bytes() != (assets_dir() / p.relative_to(tmp_path)).read_bytes()
    ]
    assert not differing, f"rebuilt files differ from assets/ (run python tools/build_art.py): {differing}"


@pytest.mark.parametrize("char", CHARACTERS)
def test_every_character_sheet_has_the_contract_tags(char: str):
    tags = {t["name"]: t["to"] - t["from"] + 1 for t in sheet_json(char)["meta"]["frameTags"]}
    wanted = COMMON + (PLAYER_MOVES if char in ("danko_bath", "danko", "ridzik") else ENEMY_MOVES[char])
    missing = [t for t in wanted if t not in tags]
    assert not missing, f"{char}: missing tags {missing}"
    for tag in wanted:
        need = 3 if tag in ATTACKS else MIN_FRAMES.get(tag, 1)
        assert tags[tag] >= need, f"{char}.{tag} has {tags[tag]} frames, needs {need}"


@pytest.mark.parametrize(
    "name,folder",
    [(c, "sprites") for c in CHARACTERS] + [(u, "ui") for u in ("pickups", "effects", "bullet")],
)
def test_sheet_json_is_aseprite_array_format_with_a_feet_pivot(name: str, folder: str):
    data = sheet_json(name, folder)
    frames, meta = data["frames"], data["meta"]
    assert isinstance(frames, list) and frames
    size = (frames[0]["sourceSize"]["w"], frames[0]["sourceSize"]["h"])
    for f in frames:
        assert {"filename", "frame", "duration", "sourceSize", "spriteSourceSize"} <= set(f)
        assert (f["frame"]["w"], f["frame"]["h"]) == size
        assert (
            f["frame"]["x"] + size[0] <= meta["size"]["w"] and f["frame"]["y"] + size[1] <= meta["size"]["h"]
        )
        assert f["duration"] > 0
    assert (assets_dir() / folder / meta["image"]).exists()
    for t in meta["frameTags"]:
        assert {"name", "from", "to", "direction"} <= set(t) and 0 <= t["from"] <= t["to"] < len(frames)
    pivot = [s for s in meta["slices"] if s["name"] == "pivot"]
    assert pivot and 0 <= pivot[0]["keys"][0]["pivot"]["x"] < size[0]
    assert 0 <= pivot[0]["keys"][0]["pivot"]["y"] < size[1]


def test_attack_frames_take_their_time_from_the_move_data():
    script = parse_script()
    moves = json.loads((assets_dir() / "data" / "moves" / "danko.json").read_text(encoding="utf-8"))["moves"]
    anim = script.anims["danko"]["punch3"]
    ms = frame_durations(anim, moves["punch3"])
    total_ticks = moves["punch3"]["startup"] + moves["punch3"]["active"] + moves["punch3"]["recovery"]
    assert abs(sum(ms) - total_ticks * 1000 / 60) <= len(ms)
    data = sheet_json("danko_bath")
    tag = next(t for t in data["meta"]["frameTags"] if t["name"] == "punch3")
    assert [f["duration"] for f in data["frames"][tag["from"] : tag["to"] + 1]] == ms
    assert MOVES_FROM["danko_bath"] == "danko"


def _tiles(name: str) -> dict[int, dict[str, str]]:
    root = ET.parse(assets_dir() / "tilesets" / f"{name}.tsx").getroot()
    out = {}
    for tile in root.iter("tile"):
        out[int(tile.get("id"))] = {p.get("name"): p.get("value") for p in tile.iter("property")}
    return out


def test_bathhouse_tileset_ids_names_and_solid_flags_match_the_contract():
    root = ET.parse(assets_dir() / "tilesets" / "bathhouse.tsx").getroot()
    assert (root.get("tilewidth"), root.get("tileheight"), root.get("columns"), root.get("tilecount")) == (
        "16",
        "16",
        "8",
        "32",
    )
    image = root.find("image")
    assert (image.get("source"), image.get("width"), image.get("height")) == ("bathhouse.png", "128", "64")
    tiles = _tiles("bathhouse")
    for tid, name in enumerate(BATHHOUSE):
        assert tiles[tid]["name"] == name
        assert tiles[tid]["solid"] == ("false" if tid in NOT_SOLID else "true"), f"tile {tid} {name}"


@pytest.mark.parametrize("name", TILESETS)
def test_every_tileset_has_32_named_tiles_with_a_solid_flag_and_its_image(name: str):
    tiles = _tiles(name)
    assert sorted(tiles) == list(range(32))
    assert all(t.get("name") and t.get("solid") in ("true", "false") for t in tiles.values())
    assert len({t["name"] for t in tiles.values()}) == 32
    png = (assets_dir() / "tilesets" / f"{name}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (128).to_bytes(4, "big") + (64).to_bytes(
        4, "big"
    )


def test_small_font_covers_printable_ascii_and_our_cyrillic_letters():
    glyphs = sheet_json("small", "fonts")["glyphs"]
    missing = [c for c in string.printable[:95] + "БАНЯИДКОСВ" if c not in glyphs]
    assert not missing, f"small font lacks {missing}"


def test_title_font_covers_letters_digits_and_the_cyrillic_morph_letters():
    glyphs = sheet_json("title", "fonts")["glyphs"]
    missing = [c for c in string.ascii_uppercase + string.digits + " !?.-" + "БЯИД" if c not in glyphs]
    assert not missing, f"title font lacks {missing}"
