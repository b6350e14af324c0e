"""Tiled's JSON formats (.tmj/.json maps, .tsj tilesets, .tj templates) as the XML elements of .tmx.

Tiled writes the same document in either form; turning a JSON file into the element tree its XML twin
would give lets one reader, one schema and one set of messages serve both (``tmxfile.Reader.xml``
calls ``parse`` when a file's first character is ``{``). Anything the XML reader would refuse is left
for it to refuse with its own wording; only what cannot be turned into XML at all is reported here.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

_LAYER_TAGS = {"tilelayer": "layer", "objectgroup": "objectgroup", "group": "group",
               "imagelayer": "imagelayer"}
# keys that become child elements (or are handled by hand), never attributes
_NOT_ATTRS = {"properties", "layers", "objects", "tilesets", "tiles", "data", "chunks", "polygon", "polyline",
              "text", "point", "ellipse", "type", "encoding", "compression", "image", "imagewidth",
              "imageheight", "tileset", "object", "wangsets", "terrains", "transformations", "grid",
              "tileoffset", "animation", "objectgroup", "class"}


class JsonProblem(ValueError):
    """A JSON file that parses but is not shaped like a Tiled document (one designer line)."""


def looks_like_json(data: bytes) -> bool:
    """True when the file's first non-blank character is ``{`` (Tiled's JSON formats are objects)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _attrs(el: ET.Element, obj: dict[str, Any]) -> None:
    for key, value in obj.items():
        if key in _NOT_ATTRS or isinstance(value, (dict, list)):
            continue
        el.set(key, _text(value))


def _properties(el: ET.Element, obj: dict[str, Any]) -> None:
    props = obj.get("properties")
    if props is None:
        return
    if not isinstance(props, list):
        raise JsonProblem(f"'properties' of {_what(obj)} should be a list")
    block = ET.SubElement(el, "properties")
    for p in props:
        if not isinstance(p, dict):
            raise JsonProblem(f"a property of {_what(obj)} is not an object")
        attrs = {"name": _text(p.get("name", ""))}
        typ = p.get("type")
        if typ and typ != "string":
            attrs["type"] = _text(typ)
        if p.get("propertytype"):
            attrs["propertytype"] = _text(p["propertytype"])
        prop = ET.SubElement(block, "property", attrs)
        value = p.get("value")
        if typ == "class":
            continue   # the schema reports class-typed properties itself; their members do not matter
        text = _text(value)
        if "\n" in text:
            prop.text = text
        else:
            prop.set("value", text)


def _what(obj: dict[str, Any]) -> str:
    if "name" in obj and obj.get("name"):
        return f"'{obj['name']}'"
    if "id" in obj:
        return f"id {obj['id']}"
    return "an element"


def _class_attr(el: ET.Element, obj: dict[str, Any]) -> None:
    # Tiled 1.9 wrote the class as "class"; 1.8 and 1.10+ write "type" (on a layer "type" is its kind)
    cls = obj.get("class")
    if cls:
        el.set("class", _text(cls))


def _tileset(obj: dict[str, Any], tag: str = "tileset") -> ET.Element:
    el = ET.Element(tag)
    _attrs(el, obj)
    _class_attr(el, obj)
    if isinstance(obj.get("image"), str):
        img = {"source": obj["image"]}
        for key, attr in (("imagewidth", "width"), ("imageheight", "height")):
            if obj.get(key) is not None:
                img[attr] = _text(obj[key])
        ET.SubElement(el, "image", img)
    _properties(el, obj)
    tiles = obj.get("tiles") or []
    if not isinstance(tiles, list):
        raise JsonProblem("'tiles' of the tileset should be a list")
    for t in tiles:
        if not isinstance(t, dict):
            raise JsonProblem("a tile of the tileset is not an object")
        tile = ET.SubElement(el, "tile")
        _attrs(tile, t)
        if t.get("type"):
            tile.set("type", _text(t["type"]))
        _class_attr(tile, t)
        if isinstance(t.get("image"), str):
            ET.SubElement(tile, "image", {"source": t["image"]})
        _properties(tile, t)
    return el


def _object(obj: dict[str, Any]) -> ET.Element:
    if not isinstance(obj, dict):
        raise JsonProblem("an object of an object layer is not a JSON object")
    el = ET.Element("object")
    _attrs(el, obj)
    if obj.get("type"):
        el.set("type", _text(obj["type"]))
    _class_attr(el, obj)
    # Tiled's JSON writes width/height 0 on points and on template instances' own records; XML leaves
    # them out, and an XML instance's missing size means "the template's"
    for key in ("width", "height"):
        if obj.get(key) in (0, 0.0) and ("template" in obj or obj.get("point")):
            el.attrib.pop(key, None)
    _properties(el, obj)
    if obj.get("point"):
        ET.SubElement(el, "point")
    if obj.get("ellipse"):
        ET.SubElement(el, "ellipse")
    for shape in ("polygon", "polyline"):
        if isinstance(obj.get(shape), list):
            pts = " ".join(f"{_text(p.get('x'))},{_text(p.get('y'))}"
                           for p in obj[shape] if isinstance(p, dict))
            ET.SubElement(el, shape, {"points": pts})
    if isinstance(obj.get("text"), dict):
        t = ET.SubElement(el, "text")
        t.text = _text(obj["text"].get("text", ""))
    return el


def _data(el: ET.Element, layer: dict[str, Any]) -> None:
    if "chunks" in layer:
        data = ET.SubElement(el, "data", {"encoding": "csv"})
        ET.SubElement(data, "chunk")   # the reader refuses chunks (infinite maps) in its own words
        return
    raw = layer.get("data")
    enc = layer.get("encoding") or "csv"
    attrs = {"encoding": _text(enc)}
    if layer.get("compression"):
        attrs["compression"] = _text(layer["compression"])
    data = ET.SubElement(el, "data", attrs)
    if isinstance(raw, list):
        data.text = ",".join(_text(v) for v in raw)
    elif isinstance(raw, str):
        data.text = raw
    elif raw is not None:
        raise JsonProblem(f"tile layer '{layer.get('name', '')}' has data that is neither a list nor text")


def _layers(parent: ET.Element, layers: Any) -> None:
    if layers is None:
        return
    if not isinstance(layers, list):
        raise JsonProblem("'layers' should be a list")
    for layer in layers:
        if not isinstance(layer, dict):
            raise JsonProblem("a layer is not a JSON object")
        tag = _LAYER_TAGS.get(str(layer.get("type")))
        if tag is None:
            raise JsonProblem(f"layer '{layer.get('name', '')}' has unknown type '{layer.get('type')}'")
        el = ET.SubElement(parent, tag)
        _attrs(el, layer)
        if tag == "layer":
            for key in ("x", "y"):
                el.attrib.pop(key, None)
        _class_attr(el, layer)
        _properties(el, layer)
        if tag == "layer":
            _data(el, layer)
        elif tag == "objectgroup":
            for o in layer.get("objects") or []:
                el.append(_object(o))
        elif tag == "group":
            _layers(el, layer.get("layers"))


def _tileset_ref(ts: dict[str, Any]) -> ET.Element:
    return ET.Element("tileset", {"firstgid": _text(ts.get("firstgid", 1)), "source": _text(ts["source"])})


def _map(doc: dict[str, Any]) -> ET.Element:
    el = ET.Element("map")
    _attrs(el, doc)
    if doc.get("infinite") is not None:
        el.set("infinite", "1" if doc["infinite"] else "0")
    _class_attr(el, doc)
    _properties(el, doc)
    tilesets = doc.get("tilesets") or []
    if not isinstance(tilesets, list):
        raise JsonProblem("'tilesets' should be a list")
    for ts in tilesets:
        if not isinstance(ts, dict):
            raise JsonProblem("a tileset entry is not a JSON object")
        if "source" in ts:
            el.append(_tileset_ref(ts))
        else:
            el.append(_tileset(ts))
    _layers(el, doc.get("layers"))
    return el


def _template(doc: dict[str, Any]) -> ET.Element:
    el = ET.Element("template")
    ts = doc.get("tileset")
    if isinstance(ts, dict):
        if "source" in ts:
            el.append(_tileset_ref(ts))
        else:
            el.append(_tileset(ts))
    if isinstance(doc.get("object"), dict):
        el.append(_object(doc["object"]))
    return el


def kind_of(doc: Any) -> str:
    """What a parsed JSON document is: map, tileset, template, project, objecttypes or unknown."""
    if isinstance(doc, list):
        return "objecttypes" if all(isinstance(t, dict) and "name" in t for t in doc) else "unknown"
    if not isinstance(doc, dict):
        return "unknown"
    typ = doc.get("type")
    if typ in ("map", "tileset", "template"):
        return str(typ)
    if "propertyTypes" in doc or "folders" in doc:
        return "project"
    if "layers" in doc and "tilesets" in doc:
        return "map"
    if "tilewidth" in doc and ("image" in doc or "tiles" in doc):
        return "tileset"
    if "object" in doc:
        return "template"
    return "unknown"


def parse(data: bytes) -> ET.Element:
    """A Tiled JSON document as the element its XML form would parse to.

    Raises ``json.JSONDecodeError`` for bad JSON and ``JsonProblem`` for JSON that is no Tiled document.
    """
    doc = json.loads(data.decode("utf-8-sig"))
    kind = kind_of(doc)
    if kind == "map":
        return _map(doc)
    if kind == "tileset":
        return _tileset(doc)
    if kind == "template":
        return _template(doc)
    if kind == "project":
        raise JsonProblem("is a Tiled project file (.tiled-project), not a level; open it in Tiled with "
                          "File > Open File or Project, and pass a map from levels/ instead")
    if kind == "objecttypes":
        raise JsonProblem("is a Tiled object types file, not a level; pass a map (.tmx or .tmj) instead")
    raise JsonProblem("is JSON but not a Tiled map, tileset or template (no \"type\": \"map\")")
