"""Campaign objects in Tiled: classes and templates load into the level; ``check`` knows their rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.tiled import LevelError, load_level

ROOT = Path(__file__).resolve().parent.parent


def _level_with(tmp_path: Path, objects: str) -> Path:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "levels").mkdir()
    text = (ROOT / "levels" / "bathhouse.tmx").read_text()
    text = text.replace(" </objectgroup>", objects + " </objectgroup>", 1)
    path = tmp_path / "levels" / "x.tmx"
    path.write_text(text)
    return path


def _obj(oid: int, template: str, x: int, y: int, props: str = "") -> str:
    inner = f"\n   <properties>\n{props}   </properties>\n  " if props else ""
    close = f">{inner}</object>\n" if props else "/>\n"
    return f'  <object id="{oid}" template="../templates/{template}.tx" x="{x}" y="{y}"{close}'


def test_every_campaign_template_loads_into_the_level(tmp_path):
    objs = "".join([
        _obj(9001, "breakable_crate", 300, 140),
        _obj(9002, "breakable_locker", 340, 130,
             '    <property name="drops" propertytype="Drops" value="pipe"/>\n'),
        _obj(9003, "weapon_pipe", 380, 140), _obj(9004, "weapon_bottle", 400, 140),
        _obj(9005, "hazard_icicle", 420, 130), _obj(9006, "prop_gurney", 460, 140),
        _obj(9007, "door", 500, 90, '    <property name="wave" type="int" value="1"/>\n'),
    ])
    level = load_level(_level_with(tmp_path, objs))
    base = load_level(ROOT / "levels" / "bathhouse.tmx")   # what the level holds already

    def ours(group):
        return [x for x in group if x.obj_id >= 9000]
    assert [(b.kind, b.drops) for b in ours(level.breakables)] == [("crate", "random"), ("locker", "pipe")]
    assert [p.kind for p in ours(level.props)] == ["gurney"]
    assert [(h.kind, h.period) for h in ours(level.hazards)] == [("icicle", 0)]
    assert [d.wave for d in ours(level.doors)] == [1]
    assert [p.kind for p in ours(level.pickups)] == ["pipe", "bottle"]
    from game.sim.world import World

    def counts(lv):
        w = World(lv, seed=1)
        return {k: sum(e.kind == k for e in w.entities) for k in ("prop", "weapon", "hazard", "door")}
    before, after = counts(base), counts(level)
    assert {k: after[k] - before[k] for k in after} == {"prop": 3, "weapon": 2, "hazard": 1, "door": 1}


@pytest.mark.parametrize("objs,needle", [
    (_obj(9010, "hazard_icicle", 420, 130, '    <property name="warning" type="int" value="10"/>\n'),
     "too short to see"),
    (_obj(9011, "door", 500, 90, '    <property name="wave" type="int" value="77"/>\n'),
     "wave 77 is triggered by no Wave"),
    (_obj(9012, "breakable_crate", 300, 140, '    <property name="kind" propertytype="BreakableKind" '
                                             'value="piano"/>\n'), "BreakableKind 'piano'"),
    (_obj(9013, "breakable_crate", 300, 40), "solid tile"),
])
def test_check_names_broken_campaign_objects(tmp_path, objs, needle):
    with pytest.raises(LevelError) as info:
        load_level(_level_with(tmp_path, objs))
    assert any(needle in p for p in info.value.problems), info.value.problems


def test_an_enemy_can_be_marked_boss(tmp_path):
    objs = _obj(9020, "enemy_gangster", 600, 140, '    <property name="boss" type="bool" value="true"/>\n')
    level = load_level(_level_with(tmp_path, objs))
    assert [e.kind for e in level.enemies if e.boss and e.obj_id == 9020] == ["gangster"]
