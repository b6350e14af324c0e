"""Write the project's object classes as Tiled 1.8 object types (``objecttypes.xml``), from the one schema.

    python tools/tiled_object_types.py          # (re)write objecttypes.xml beside redheat.tiled-project
    python tools/tiled_object_types.py --check  # exit 1 when the file on disk is out of date

Tiled 1.9 and newer read the classes, members and defaults straight from ``redheat.tiled-project``.
Tiled 1.8 (Debian and Ubuntu LTS) knows classes only as property types: an object's *Type* takes its
members and defaults from an *object types file* instead, which the project names in
``objectTypesFile``. This tool turns every class usable on objects into one ``<objecttype>`` with its
colour and members (enum members keep their enum through ``propertytype``), so the project file stays
the single source and ``tests/test_tiled_object_types.py`` proves the two agree.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "redheat.tiled-project"
OUT_NAME = "objecttypes.xml"


def _colour(argb: str) -> str:
    """Tiled writes ``#aarrggbb`` in projects and ``#rrggbb`` in object types files."""
    text = argb.strip()
    return "#" + text[3:] if text.startswith("#") and len(text) == 9 else text


def _default(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def object_types(project: dict[str, Any]) -> ET.Element:
    """The ``<objecttypes>`` element for every class a map object may have, in the project's order."""
    root = ET.Element("objecttypes")
    types = [t for t in project.get("propertyTypes", []) if isinstance(t, dict) and t.get("type") == "class"]
    for t in sorted(types, key=lambda t: str(t.get("name"))):
        use = t.get("useAs") or []
        if "object" not in use:
            continue
        attrs = {"name": str(t["name"])}
        if t.get("color"):
            attrs["color"] = _colour(str(t["color"]))
        el = ET.SubElement(root, "objecttype", attrs)
        for m in t.get("members", []) or []:
            prop = {"name": str(m["name"]), "type": str(m.get("type", "string"))}
            if m.get("propertyType"):
                prop["propertytype"] = str(m["propertyType"])
            prop["default"] = _default(m.get("value"))
            ET.SubElement(el, "property", prop)
    return root


def render(project: dict[str, Any]) -> str:
    """The file's text, laid out as Tiled 1.8 writes it (one-space indent, UTF-8 declaration)."""
    root = object_types(project)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the object types file; 0 when it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=PROJECT, help="the Tiled project file (the schema)")
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args(argv)
    project = json.loads(args.project.read_text(encoding="utf-8"))
    out = args.project.parent / str(project.get("objectTypesFile") or OUT_NAME)
    text = render(project)
    current = out.read_text(encoding="utf-8") if out.is_file() else None
    if args.check:
        if current != text:
            print(f"{out.name} is out of date: run python tools/tiled_object_types.py", file=sys.stderr)
            return 1
        print(f"{out.name} is up to date")
        return 0
    if current != text:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out.relative_to(args.project.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
