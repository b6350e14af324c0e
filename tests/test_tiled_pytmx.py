"""pytmx decodes tilesets and tile layers; the wrapper fills its gaps and words its refusals."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from game.paths import data_root, levels_dir
from game.tiled import LevelError, load_level, load_map_view, read_level
from game.tiled.pytmx_gate import pytmx

DATA = Path(__file__).parent / "data" / "tiled"
GOOD = DATA / "good.tmx"
LEVELS = sorted(levels_dir().glob("*.tmx"))



def _edit(tree: Path, old: str, new: str, name: str = "edited.tmx") -> Path:
    text = (tree / "good.tmx").read_text()
    assert old in text
    out = tree / name
    out.write_text(text.replace(old, new))
    return out


def _pytmx_own_gids(path: Path) -> list[np.ndarray]:
    """What pytmx gives when it loads the file all by itself, mapped back to Tiled's gids and flip bits."""
    tm = pytmx().TiledMap(str(path))
    back = {0: 0}
    for (tiled, flags), value in tm.imagemap.items():
        if tiled:
            back[value[0]] = tiled | (flags[0] << 31) | (flags[1] << 30) | (flags[2] << 29)
    layers = [layer for layer in tm.layers if isinstance(layer, pytmx().TiledTileLayer)]
    return [np.vectorize(back.__getitem__)(np.array(layer.data)) for layer in layers]


FIXTURES = [GOOD, DATA / "good_base64_zlib.tmx", DATA / "good_base64_gzip.tmx"]


@pytest.mark.parametrize("path", [*LEVELS, *FIXTURES], ids=lambda p: p.name)
def test_tile_layers_are_the_ones_pytmx_decodes_by_itself(path: Path) -> None:
    _, raw = read_level(path)
    assert isinstance(raw.tiled_map, pytmx().TiledMap)
    ours = [layer.gids for layer in load_map_view(path).layers]
    theirs = _pytmx_own_gids(path)
    assert len(ours) == len(theirs) and all(np.array_equal(a, b) for a, b in zip(ours, theirs, strict=True))


def test_tilesets_and_tile_properties_come_from_pytmx() -> None:
    _, raw = read_level(levels_dir() / "bathhouse.tmx")
    (ts,) = raw.tiled_map.tilesets
    ref = raw.tilesets[0]
    assert (ts.firstgid, ts.tilecount, ts.columns, ts.tilewidth) == (ref.firstgid, ref.tileset.tilecount,
                                                                       ref.tileset.columns, 16)
    assert ref.tileset.image is not None and ref.tileset.image.name == "bathhouse.png"
    assert ref.tileset.tile_props[0]["solid"].value == "true"   # pytmx's True, handed to the schema


def test_reading_levels_never_loads_pygame_and_leaves_pytmxs_pygame_helpers_working() -> None:
    code = ("import sys; from game.tiled import load_level; "
            f"load_level({str(GOOD)!r}); assert 'pygame' not in sys.modules; "
            "import pytmx.util_pygame as u; assert u.pygame.__name__ == 'pygame'; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=data_root(),
                         env={"SDL_VIDEODRIVER": "dummy", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert out.stdout.strip().endswith("ok"), out.stderr


def test_deprecated_xml_layer_format_loads_like_csv(tree: Path) -> None:
    text = (tree / "good.tmx").read_text()

    def as_xml(m: re.Match) -> str:
        gids = [int(v) for v in m.group(1).replace("\n", "").split(",")]
        return "<data>" + "".join(f'<tile gid="{g}"/>' if g else "<tile/>" for g in gids) + "</data>"

    out = tree / "xml_format.tmx"
    out.write_text(re.sub(r'<data encoding="csv">(.*?)</data>', as_xml, text, flags=re.S))
    assert load_level(out).content_hash() == load_level(tree / "good.tmx").content_hash()
    ours, want = load_map_view(out).layers, load_map_view(tree / "good.tmx").layers
    assert all(np.array_equal(a.gids, b.gids) for a, b in zip(ours, want, strict=True))


def test_groups_pass_attributes_on_and_fractional_offsets_survive(tree: Path) -> None:
    text = (tree / "good.tmx").read_text()
    text = text.replace('<layer id="2" name="front"',
                        '<group id="9" name="g" offsetx="2.5" opacity="0.5" parallaxx="0.5">'
                        '<layer id="2" name="front" offsety="-1.25" visible="0"')
    text = text.replace(" </layer>\n <objectgroup", " </layer></group>\n <objectgroup")
    (tree / "grouped.tmx").write_text(text)
    front = load_map_view(tree / "grouped.tmx").layers[1]
    got = (front.visible, front.opacity, front.offset_x, front.offset_y, front.parallax_x, front.foreground)
    assert got == (False, 0.5, 2.5, -1.25, 0.5, True)


def test_class_typed_properties_do_not_stop_pytmx(tree: Path) -> None:
    klass = '<property name="extra" type="class" propertytype="Foo"><properties>' \
            '<property name="a" value="1"/></properties></property>'
    path = _edit(tree, '<property name="foreground" type="bool" value="true"/>',
                 '<property name="foreground" type="bool" value="true"/>' + klass)
    with pytest.raises(LevelError) as info:
        load_level(path)
    # the whole map was read: the only problem is the schema's, not pytmx's
    head = info.value.problems[0].split(":")[0]
    want = (f"{head}: layer 'front': property 'extra' is of class 'Foo', but Red Heat's properties hold "
            "plain values; delete it (Layer: valid: foreground)")
    assert info.value.problems == [want]


@pytest.mark.parametrize("old,new,message", [
    ('type="int" value="99"', 'type="int" value="x"',
     "property 'time_limit' must be a whole number, not 'x'"),
    ('type="int" value="99"', 'type="weird" value="99"', "property 'time_limit' has unknown type 'weird'"),
    ('name="front"', 'name="front" opacity="abc"',
     "layer 'front': attribute opacity='abc' should be a number"),
    ('name="front"', 'name="front" visible="maybe"',
     "layer 'front': attribute visible='maybe' should be true"),
    ('name="front"', 'name="front" offsetx="left"',
     "layer 'front': attribute offsetx='left' should be a number"),
    ('type="bool" value="true"', 'type="bool" value="maybe"',
     "layer 'front': property 'foreground' must be true or false, not 'maybe'"),
    ('width="30" height="12" tilewidth', 'width="30.5" height="12" tilewidth',
     "attribute width='30.5' should be a whole number"),
    ('<data encoding="csv">\n2,', '<data encoding="csv">\n2,,', "layer 'ground': tile data holds something"),
    ('<data encoding="csv">\n2,', '<data encoding="base64">\n2,', "layer 'ground': base64 data"),
    ('<data encoding="csv">\n2,', '<data encoding="base64" compression="lzma">\n2,',
     "layer 'ground': unknown compression 'lzma' (valid: zlib, gzip)"),
])
def test_what_pytmx_refuses_is_worded_for_designers(tree: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(LevelError) as info:
        load_level(_edit(tree, old, new))
    assert any(message in p for p in info.value.problems), info.value.problems
    assert not any("pytmx could not read it" in p for p in info.value.problems)


def test_one_broken_layer_does_not_hide_the_others(tree: Path) -> None:
    path = _edit(tree, '<data encoding="csv">\n0,', '<data encoding="base64" compression="zstd">\n0,')
    with pytest.raises(LevelError) as info:
        load_level(path)
    problems = info.value.problems
    assert any("layer 'front': zstd compression is not supported" in p for p in problems)
    # the ground layer still loaded: its walls make the start-in-solid-tile check meaningful
    assert not any("ground" in p for p in problems)
    assert not any("cannot be reached" in p or "solid tile" in p for p in problems)
