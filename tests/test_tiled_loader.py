"""Loading levels: shipped levels, every encoding, both class spellings, templates, project defaults."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from game.paths import data_root, levels_dir, project_file
from game.tiled import LevelError, load_level, load_map_view
from game.tiled.tiledata import FLIP_D, FLIP_H, FLIP_V

DATA = Path(__file__).parent / "data" / "tiled"
GOOD = DATA / "good.tmx"


def shipped() -> list[Path]:
    return sorted(levels_dir().glob("*.tmx"))


def test_at_least_the_bathhouse_ships() -> None:
    assert levels_dir() / "bathhouse.tmx" in shipped()


@pytest.mark.parametrize("path", shipped(), ids=lambda p: p.stem)
def test_every_shipped_level_loads_without_errors_or_warnings(path: Path) -> None:
    level = load_level(path)
    assert level.warnings == []
    assert level.name == path.stem and level.path == str(path) and len(level.file_hash) == 64
    assert level.title and level.mode in ("brawl", "chase")
    assert level.solid.dtype == bool and level.solid.shape == (level.rows, level.cols)


def test_bathhouse_is_a_long_brawl_of_bathers_and_thugs_with_locked_waves() -> None:
    level = load_level(levels_dir() / "bathhouse.tmx")
    assert 100 <= level.cols <= 200 and level.rows == 12
    assert (level.mode, level.music, level.next) == ("brawl", "bathhouse", "")
    assert 6 <= len(level.waves) <= 10 and all(w.lock for w in level.waves)
    kinds = [e.kind for e in level.enemies]
    # bathers and thugs open it; the back rooms are Viktor's gangsters and brutes (so the level lasts)
    assert kinds.count("bather") + kinds.count("thug") >= len(kinds) // 4 and kinds[:5].count("bather") >= 2
    assert any(e.boss or e.kind == "heavy" for e in level.enemies)
    pickups = {p.kind for p in level.pickups}
    assert "ammo" not in pickups and pickups & {"key", "points"} and "health" in pickups
    assert level.solid[:5].all() and level.solid[11].all()
    view = load_map_view(levels_dir() / "bathhouse.tmx")
    assert any(layer.foreground for layer in view.layers)
    assert view.tilesets[0].image.endswith("bathhouse.png")


@pytest.mark.parametrize("name", ["good_base64", "good_base64_zlib", "good_base64_gzip"])
def test_every_encoding_loads_to_the_same_level_as_csv(name: str) -> None:
    assert load_level(DATA / f"{name}.tmx").content_hash() == load_level(GOOD).content_hash()
    other = load_map_view(DATA / f"{name}.tmx").layers[1].gids
    assert np.array_equal(other, load_map_view(GOOD).layers[1].gids)


def test_class_attribute_and_type_attribute_mean_the_same() -> None:
    assert 'class="Enemy"' in (DATA / "good_class_attr.tmx").read_text()
    assert load_level(DATA / "good_class_attr.tmx").content_hash() == load_level(GOOD).content_hash()


def test_templates_apply_with_instance_overrides() -> None:
    enemies = {e.obj_id: e for e in load_level(GOOD).enemies}
    # point template: kind from the template, wave from the instance, the rest project defaults
    assert (enemies[3].kind, enemies[3].wave, enemies[3].facing, enemies[3].hp) == ("bather", 1, "left", 0)
    # tile template with its own tileset: kind and hp from it, facing from the instance, feet = bottom centre
    e = enemies[4]
    assert (e.kind, e.hp, e.facing, e.wave, e.x, e.y) == ("gangster", 30, "right", 1, 328, 120)


def test_absent_members_take_the_project_files_defaults(tmp_path: Path) -> None:
    thug = next(e for e in load_level(GOOD).enemies if e.obj_id == 8)
    assert (thug.kind, thug.wave, thug.facing, thug.hp) == ("thug", 0, "left", 0)
    wave = load_level(GOOD).waves[0]
    assert wave.lock is True
    # change the defaults in a copy of the project: the loader follows, nothing is restated in code
    data = json.loads(project_file().read_text())
    for t in data["propertyTypes"]:
        for m in t.get("members", []):
            if (t["name"], m["name"]) in {("Enemy", "kind"), ("Enemy", "facing"), ("Wave", "lock")}:
                m["value"] = {"kind": "hitman", "facing": "right", "lock": False}[m["name"]]
    proj = tmp_path / "x.tiled-project"
    proj.write_text(json.dumps(data))
    level = load_level(GOOD, project=proj)
    thug = next(e for e in level.enemies if e.obj_id == 8)
    assert (thug.kind, thug.facing) == ("hitman", "right")
    assert level.waves[0].lock is False


def test_level_description_fields_are_filled() -> None:
    level = load_level(GOOD)
    assert level.title == "TEST BATH" and level.time_limit == 99 and level.music == "bathhouse"
    assert level.player_start == (40, 130) and level.player2_start == (64, 130)
    assert level.properties["mode"] == "brawl" and level.properties["scroll_speed"] == 0
    assert level.camera_bounds is not None and (level.camera_bounds.w, level.camera_bounds.h) == (480, 192)
    assert [(p.kind, p.amount) for p in level.pickups] == [("points", 500)]
    assert level.exits[0].x == 440 and level.waves[0].rect.w == 32


def test_file_hash_covers_the_tileset_and_templates(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "tests" / "data" / "tiled")
    shutil.copytree(data_root() / "templates", root / "templates")
    copy = root / "tests" / "data" / "tiled" / "good.tmx"
    before = load_level(copy).file_hash
    assert before == load_level(GOOD).file_hash
    tsx = root / "tests" / "data" / "tiled" / "tiles.tsx"
    tsx.write_text(tsx.read_text().replace('value="floor"', 'value="floor2"'))
    assert load_level(copy).file_hash != before
    tx = root / "templates" / "enemy_bather.tx"
    tx.write_text(tx.read_text() + "\n")
    assert len({before, load_level(copy).file_hash}) == 2


def test_map_view_keeps_flips_order_and_layer_attributes() -> None:
    view = load_map_view(GOOD)
    assert [layer.name for layer in view.layers] == ["ground", "front"]
    assert [layer.foreground for layer in view.layers] == [False, True]
    front = view.layers[1].gids
    assert int(front[6, 3]) == 3 | FLIP_H and int(front[6, 5]) == 3 | FLIP_V
    assert int(front[6, 7]) == 3 | FLIP_D
    ts = view.tilesets[0]
    assert (ts.firstgid, ts.columns, ts.tilecount, ts.tile_width) == (1, 2, 4, 16)
    assert ts.image.endswith("tiles.png") and Path(ts.image).is_file()


def test_level_error_lists_every_problem_as_its_string() -> None:
    err = LevelError(["a.tmx: one", "a.tmx: two"])
    assert err.problems == ["a.tmx: one", "a.tmx: two"] and str(err) == "a.tmx: one\na.tmx: two"


def test_level_loading_never_imports_pygame() -> None:
    code = ("import sys; from game.tiled import load_level, load_map_view, check, watch; "
            f"load_level({str(GOOD)!r}); load_map_view({str(GOOD)!r}); print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=data_root(),
                         check=True)
    assert out.stdout.strip() == "False"


def test_pytmx_still_opens_shipped_levels_but_misses_what_our_reader_adds() -> None:
    pytmx = pytest.importorskip("pytmx")
    for path in shipped():
        tmx = pytmx.TiledMap(str(path))
        level = load_level(path)
        assert (tmx.width, tmx.height) == (level.cols, level.rows)
        # pytmx 3.32 leaves template classes unresolved: the reason game.tiled resolves templates itself
        objects = list(tmx.objects)
        ours = len(level.enemies) + len(level.waves) + len(level.pickups) + len(level.exits) + 1
        if level.chase is not None:     # the bus chase's own objects
            d = level.chase
            ours += 1 + len(d.phases) + len(d.traffic) + len(d.hazards) + (d.viktor is not None)
        ours += len(level.breakables) + len(level.props) + len(level.hazards) + len(level.doors)
        assert sum(1 for o in objects if o.type) < len(objects) == ours


@pytest.mark.parametrize("encoding,compression", [("csv", ""), ("base64", ""), ("base64", "zlib"),
                                                  ("base64", "gzip"), ("", "")])
def test_layer_data_round_trips_with_flip_bits_in_every_encoding(encoding: str, compression: str) -> None:
    import xml.etree.ElementTree as ET

    from game.tiled.tiledata import decode_data, encode_data

    gids = np.array([[0, 1 | FLIP_H, 2 | FLIP_V], [3 | FLIP_D, 4 | FLIP_H | FLIP_V | FLIP_D, 2]],
                    dtype=np.uint32)
    if encoding:
        el = ET.fromstring(f'<data encoding="{encoding}"'
                           + (f' compression="{compression}"' if compression else "")
                           + f">{encode_data(gids, encoding, compression)}</data>")
    else:   # Tiled's old XML format: one <tile gid=""/> per cell
        el = ET.fromstring("<data>" + "".join(f'<tile gid="{int(g)}"/>' for g in gids.flat) + "</data>")
    assert np.array_equal(decode_data(el, 3, 2), gids)
