"""Tiled's JSON formats (.tmj/.json maps, .tsj tilesets) load, check, play and hot reload like .tmx."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from game.paths import levels_dir
from game.sim.runner import run
from game.tiled import LevelError, load_level
from game.tiled.check import main as check_main
from game.tiled.watch import LevelWatcher

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "tiled"
TILED = shutil.which("tiled")
SKIP_NO_TILED = ("the Tiled editor ('tiled') is not on PATH, so converting levels to JSON with it is "
                 "skipped; apt-get install tiled to run it")


def tiled_export(kind: str, fmt: str, src: Path, dst: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(TILED), f"--export-{kind}", fmt, str(src), str(dst)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and dst.is_file(), done.stderr


def played_hash(path: Path) -> str:
    # a few seconds of the bot playing: positions, waves and spawns all come from the file
    return run(load_level(path), seed=7, max_ticks=600, bot=True).state_hash()


@pytest.mark.tiled
@pytest.mark.skipif(TILED is None, reason=SKIP_NO_TILED)
def test_every_shipped_level_exported_to_json_by_tiled_plays_the_same(tmp_path: Path) -> None:
    levels = sorted(levels_dir().glob("*.tmx"))
    assert levels
    for src in levels:   # all into one folder, so each level's `next` still finds its neighbour
        tiled_export("map", "json", src, tmp_path / f"{src.stem}.tmj")
    for src in levels:
        ours, theirs = load_level(src), load_level(tmp_path / f"{src.stem}.tmj")
        assert theirs.content_hash() == ours.content_hash(), src.name
        assert theirs.warnings == ours.warnings
        assert played_hash(tmp_path / f"{src.stem}.tmj") == played_hash(src), src.name


@pytest.mark.tiled
@pytest.mark.skipif(TILED is None, reason=SKIP_NO_TILED)
@pytest.mark.parametrize("name", ["good.tmx", "good_base64_zlib.tmx", "good_base64_gzip.tmx"])
def test_fixtures_as_json_maps_with_json_tilesets(tmp_path: Path, name: str) -> None:
    """Templates, flips, compressed layers and a .tsj tileset (the map pointed at it) load the same."""
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    tiled_export("tileset", "json", root / "tiles.tsx", root / "tiles.tsj")
    tiled_export("map", "json", root / name, root / "level.json")
    doc = json.loads((root / "level.json").read_text())
    for ts in doc["tilesets"]:
        ts["source"] = ts["source"].replace("tiles.tsx", "tiles.tsj")
    (root / "level.json").write_text(json.dumps(doc))
    assert load_level(root / "level.json").content_hash() == load_level(DATA / name).content_hash()


def _json_level(tmp_path: Path) -> Path:
    """The fixture level written as Tiled's JSON by hand (no Tiled needed): embedded CSV arrays."""
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    from game.tiled.loader import read_level

    _, raw = read_level(root / "good.tmx")
    import xml.etree.ElementTree as ET

    tmx = ET.parse(root / "good.tmx").getroot()
    layers = []
    for el in tmx.iter():
        if el.tag == "layer":
            layers.append({"type": "tilelayer", "name": el.get("name"), "width": raw.cols, "height": raw.rows,
                           "data": [int(v) for v in (el.find("data").text or "").replace("\n", "").split(",")]
                           if el.find("data").get("encoding") == "csv" else None})
    layers = [la for la in layers if la["data"] is not None]
    objects = []
    for o in tmx.iter("object"):
        rec = {k: (float(v) if k in ("x", "y", "width", "height") else v) for k, v in o.attrib.items()}
        rec["id"] = int(o.get("id"))
        if o.get("gid"):
            rec["gid"] = int(o.get("gid"))
        if o.find("point") is not None:
            rec["point"] = True
        props = o.find("properties")
        if props is not None:
            rec["properties"] = [{"name": p.get("name"), "type": p.get("type") or "string",
                                  "value": p.get("value")} for p in props]
        objects.append(rec)
    layers.append({"type": "objectgroup", "name": "objects", "objects": objects})
    doc = {"type": "map", "version": "1.8", "width": raw.cols, "height": raw.rows, "tilewidth": 16,
           "tileheight": 16,
           "orientation": "orthogonal", "infinite": False,
           "tilesets": [{"firstgid": int(t.get("firstgid")), "source": t.get("source")}
                        for t in tmx.findall("tileset")],
           "properties": [{"name": p.get("name"), "type": p.get("type") or "string", "value": p.get("value")}
                          for p in tmx.find("properties")],
           "layers": layers}
    out = root / "good.tmj"
    out.write_text(json.dumps(doc))
    return out


def test_a_json_map_written_by_hand_loads_checks_and_hot_reloads(tmp_path: Path, capsys) -> None:
    path = _json_level(tmp_path)
    level = load_level(path)
    assert level.title and level.enemies and level.exits
    assert check_main([str(path)]) == 0
    assert "good.tmj: OK" in capsys.readouterr().out
    w = LevelWatcher(path)
    doc = json.loads(path.read_text())
    for o in doc["layers"][-1]["objects"]:
        if o.get("type") == "Exit":
            o["type"] = "Exot"
    st = path.stat()
    path.write_text(json.dumps(doc))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    got = w.poll()
    assert isinstance(got, LevelError) and "unknown class 'Exot'" in str(got)


def test_same_messages_for_json_and_xml(tmp_path: Path) -> None:
    path = _json_level(tmp_path)
    doc = json.loads(path.read_text())
    doc["properties"].append({"name": "tittle", "type": "string", "value": "x"})
    path.write_text(json.dumps(doc))
    with pytest.raises(LevelError) as err:
        load_level(path)
    assert "unknown property 'tittle' (did you mean 'title'?" in str(err.value)


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmj"
    bad.write_text('{\n "type": "map",\n "width": 3,,\n}')
    with pytest.raises(LevelError) as err:
        load_level(bad)
    assert "malformed JSON at line 3" in str(err.value)


def test_json_that_is_not_a_map_says_so(tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('{"hello": 1}')
    with pytest.raises(LevelError) as err:
        load_level(odd)
    assert "is JSON but not a Tiled map" in str(err.value)


def test_a_project_file_passed_as_a_level_says_what_it_is() -> None:
    with pytest.raises(LevelError) as err:
        load_level(ROOT / "redheat.tiled-project")
    assert "is a Tiled project file (.tiled-project), not a level" in str(err.value)


def test_a_gzip_file_passed_as_a_level_says_what_it_is(tmp_path: Path) -> None:
    import gzip

    gz = tmp_path / "level.tmx.gz"
    gz.write_bytes(gzip.compress((DATA / "good.tmx").read_bytes()))
    with pytest.raises(LevelError) as err:
        load_level(gz)
    assert "is a gzip-compressed file, not a map; unpack it first" in str(err.value)
