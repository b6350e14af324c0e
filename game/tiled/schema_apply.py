"""Giving written properties their meaning: types, enums and defaults, all from the project schema."""

from __future__ import annotations

from typing import Any

from game.tiled.problems import Report, did_you_mean, listing
from game.tiled.project import ClassType, Member, Schema
from game.tiled.tmxfile import Prop

_BOOLS = {"true": True, "false": False, "1": True, "0": False}

# What the loader itself relies on; the project file must define these (with any defaults it likes).
REQUIRED: dict[str, tuple[str, ...]] = {
    "Level": ("title", "mode", "music", "time_limit", "next"),
    "Layer": ("foreground",),
    "Tile": ("solid",),
    "PlayerStart": (),
    "Enemy": ("kind", "wave", "facing", "hp"),
    "Wave": ("number", "lock"),
    "Pickup": ("kind", "amount"),
    "Exit": (),
}


# Members that were renamed: class -> {old name: new name}. A level that still writes the old name keeps
# loading (its value goes to the new member) and gets a warning saying what to rename, never silence.
RENAMED: dict[str, dict[str, str]] = {}


def _plain(member: Member) -> str:
    return f"{member.enum} ({member.type})" if member.enum else member.type


def _members(cls: ClassType) -> str:
    return "valid: " + listing(cls.members) if cls.members else "it has no properties"


def check_schema(schema: Schema) -> list[str]:
    """Problems with the project file itself: classes or members the game needs but it lacks."""
    out = []
    for cls, members in REQUIRED.items():
        c = schema.classes.get(cls)
        if c is None:
            out.append(f"{schema.path}: the project defines no class '{cls}'")
            continue
        out += [f"{schema.path}: class '{cls}' has no member '{m}'" for m in members if m not in c.members]
    return out


def convert(prop: Prop, member: Member, schema: Schema) -> tuple[Any, str | None]:
    """The typed value of ``prop`` as ``member`` defines it, or an error message."""
    text = prop.value.strip() if member.type != "string" else prop.value
    if member.enum:
        enum = schema.enums[member.enum]
        value = text
        if enum.storage == "int" or prop.type == "int":
            try:
                idx = int(text)
                value = enum.values[idx] if 0 <= idx < len(enum.values) else text
            except ValueError:
                pass
        if value not in enum.values:
            return None, (f"property '{member.name}' has unknown {member.enum} '{value}' "
                          f"(valid: {', '.join(enum.values)})")
        return value, None
    if member.type == "int":
        try:
            return int(text), None
        except ValueError:
            return None, f"property '{member.name}' must be a whole number, not '{prop.value}'"
    if member.type == "float":
        try:
            v = float(text)
            if v != v or v in (float("inf"), float("-inf")):
                raise ValueError
            return v, None
        except ValueError:
            return None, f"property '{member.name}' must be a number, not '{prop.value}'"
    if member.type == "bool":
        if text.lower() in _BOOLS:
            return _BOOLS[text.lower()], None
        return None, f"property '{member.name}' must be true or false, not '{prop.value}'"
    return prop.value, None


def apply(cls: ClassType, props: dict[str, Prop], schema: Schema, report: Report, *, strict: bool = True,
          **where: Any) -> dict[str, Any]:
    """Defaults of ``cls`` overlaid with the written properties; unknown or mistyped ones are reported.

    ``strict=False`` turns unknown property names into warnings (for tilesets the art pipeline owns).
    """
    values = {m.name: m.default for m in cls.members.values()}
    for name, prop in props.items():
        member = cls.members.get(name)
        renamed = RENAMED.get(cls.name, {}).get(name)
        if member is None and renamed in cls.members and renamed not in props:
            report.warn(f"property '{name}' is now called '{renamed}' (its value still counts); rename it in "
                        f"Tiled so the level keeps working when the old name is dropped", **where)
            name, member = renamed, cls.members[renamed]
        if prop.type in ("class", "list"):
            what = ("a list (Tiled 1.11+)" if prop.type == "list" else
                    f"of class '{prop.enum}'" if prop.enum else "class-typed")
            fix = (f"delete it and add '{name}' as a plain {_plain(member)} property" if member is not None
                   else f"delete it ({cls.name}: {_members(cls)})")
            report.error(f"property '{name}' is {what}, but Red Heat's properties hold plain values; {fix}",
                         **where)
            continue
        if member is None:
            if cls.members:
                hint = did_you_mean(name, cls.members)
            else:
                hint = f"{cls.name} has no properties; delete it"
            (report.error if strict else report.warn)(f"unknown property '{name}' ({hint})", **where)
            continue
        value, problem = convert(prop, member, schema)
        if problem:
            report.error(problem, **where)
        else:
            values[name] = value
    return values
