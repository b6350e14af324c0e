"""Open a window showing a level tileset laid out as a small street scene, with its weather and a cast.

    python tools/tileset_preview.py bathhouse [--scale 4] [--seconds 0]
    python tools/tileset_preview.py all --guide docs/tiles   # the designers' tile guides, one PNG each

Every tileset follows the bathhouse layout contract (docs in ``/work/briefs/tiles_bathhouse.md``: wall pieces
0-7, floor 8-15, a four-tile feature 16-19, bench 20-21, column 22-23, wisps 24-25, props 26-27, lamp 28,
ceiling 29-30, front edge 31), so one scene plan fits them all. Esc or closing the window quits.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COLS, ROWS = 20, 12
#: Who stands in each scene, for scale: (sheet, x, y, facing).
CAST = {"bathhouse": [("danko_bath", 120, 140, 1), ("bather", 214, 106, -1)],
        "moscow_street": [("danko", 120, 140, 1), ("thug", 214, 106, -1)],
        "chicago_night": [("ridzik", 120, 140, 1), ("gangster", 214, 106, -1)],
        "hospital": [("danko", 120, 140, 1), ("nurse", 214, 106, -1)],
        "hotel": [("ridzik", 120, 140, 1), ("hitman", 214, 106, -1)],
        "bus_station": [("danko", 120, 140, 1), ("viktor", 214, 106, -1)]}


def scene_layers() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Global ids (local id + 1, 0 = empty) of the back, props and foreground layers."""
    back = np.full((ROWS, COLS), -1, dtype=np.int64)
    props = np.full_like(back, -1)
    front = np.full_like(back, -1)
    for c in range(COLS):
        back[0, c] = 30 if c % 8 == 0 else 29
        back[1, c] = 3 if c in (3, 4, 13, 14) else 6 if c in (8, 9) else 0
        back[2, c] = 5 if c == 11 else 0
        back[3, c] = 2
        back[4, c] = 4 if c == 17 else 7 if c == 0 else 1
        back[5, c] = 10
        for r in range(6, 11):
            back[r, c] = 8 if (r + c) % 2 else 9
        back[11, c] = 31
    for r, c, t in ((7, 3, 11), (8, 16, 12), (9, 6, 13), (10, 9, 15), (6, 5, 14), (6, 6, 14)):
        back[r, c] = t
    for r, c, t in ((5, 5, 20), (5, 6, 21), (5, 9, 26), (5, 15, 27), (2, 6, 28), (2, 16, 28),
                    (10, 2, 23), (10, 18, 23)):
        props[r, c] = t
    props[7, 11:15] = 16
    props[8, 11:15] = [17, 18, 17, 18]
    props[9, 11:15] = 19
    for c in (2, 18):
        front[6:10, c] = 22
    for r, c, t in ((8, 8, 24), (9, 9, 25), (7, 16, 24)):
        front[r, c] = t
    return tuple((layer + 1).astype(np.uint32) for layer in (back, props, front))  # type: ignore[return-value]


def build_view(name: str) -> object:
    """The scene as a MapView over ``assets/tilesets/<name>.tsx``."""
    import xml.etree.ElementTree as ET

    from game.paths import assets_dir
    from game.tiled.mapview import LayerView, MapView, TilesetView

    tsx = assets_dir() / "tilesets" / f"{name}.tsx"
    root = ET.parse(tsx).getroot()
    image = root.find("image")
    if image is None:
        raise ValueError(f"{tsx}: no <image>")
    tw, th = int(root.get("tilewidth", "16")), int(root.get("tileheight", "16"))
    ts = TilesetView(name, 1, str(tsx.parent / image.get("source", "")), int(image.get("width", "0")),
                     int(image.get("height", "0")), int(root.get("columns", "1")),
                     int(root.get("tilecount", "0")), tw, th)
    back, props, front = scene_layers()
    layers = [LayerView("back", back), LayerView("props", props), LayerView("front", front, foreground=True)]
    return MapView(path=str(tsx), cols=COLS, rows=ROWS, tile_width=tw, tile_height=th, layers=layers,
                   tilesets=[ts])


GUIDE_COLS = 4                 # tiles per row of a tile guide
GUIDE_CELL = (134, 30)         # one entry: the tile at 1.5x in a coloured frame, id, name, solid


def tile_facts(name: str) -> list[tuple[int, str, bool]]:
    """(id, name, solid) for every tile of ``assets/tilesets/<name>.tsx``, as the level loader reads them."""
    import xml.etree.ElementTree as ET

    from game.paths import assets_dir

    root = ET.parse(assets_dir() / "tilesets" / f"{name}.tsx").getroot()
    facts = {i: ("", False) for i in range(int(root.get("tilecount", "0")))}
    for tile in root.findall("tile"):
        props = {p.get("name"): p.get("value", "") for p in tile.iter("property")}
        facts[int(tile.get("id", "0"))] = (props.get("name", ""), props.get("solid", "false") == "true")
    return [(i, n, s) for i, (n, s) in sorted(facts.items())]


def guide(name: str) -> object:
    """A reference sheet for designers: every tile with its id, name and whether it is solid."""
    import pygame

    from game.render.font import BitmapFont
    from game.render.hud import put

    view = build_view(name)
    ts = view.tilesets[0]  # type: ignore[attr-defined]
    sheet = pygame.image.load(ts.image)
    small = BitmapFont.load("small")
    facts = tile_facts(name)
    rows = (len(facts) + GUIDE_COLS - 1) // GUIDE_COLS
    cw, ch = GUIDE_CELL
    top = 14
    out = pygame.Surface((cw * GUIDE_COLS + 12, top + ch * rows + 12))
    out.fill((14, 12, 20))
    put(out, small, f"TILESET {name.upper()}: EVERY TILE, ITS ID, NAME AND SOLID FLAG", 4, 3,
        (236, 236, 244))
    for i, (tid, tname, solid) in enumerate(facts):
        x, y = 4 + (i % GUIDE_COLS) * cw, top + (i // GUIDE_COLS) * ch
        col, row = tid % ts.columns, tid // ts.columns
        src = pygame.Rect(ts.margin + col * (ts.tile_width + ts.spacing),
                          ts.margin + row * (ts.tile_height + ts.spacing), ts.tile_width, ts.tile_height)
        tile = sheet.subsurface(src)
        edge = (232, 65, 44) if solid else (46, 204, 64)
        out.fill(edge, (x - 1, y - 1, 26, 26))
        out.fill((40, 36, 52), (x, y, 24, 24))   # see-through tiles (steam, wisps) over a neutral ground
        out.blit(pygame.transform.scale(tile, (24, 24)), (x, y))
        put(out, small, f"{tid} {(tname or '-').upper()}", x + 28, y + 2, (236, 236, 244))
        put(out, small, "SOLID" if solid else "FLOOR", x + 28, y + 12, edge)
    put(out, small, "RED EDGE: SOLID (BLOCKS WALKING)   GREEN EDGE: FLOOR   GID IN A MAP = ID + FIRSTGID",
        4, out.get_height() - 10, (160, 160, 176))
    return pygame.transform.scale(out, (out.get_width() * 2, out.get_height() * 2))


def write_guides(names: list[str], folder: Path) -> list[Path]:
    """docs/tiles/NAME.png for each tileset (pygame without a window)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        path = folder / f"{name}.png"
        pygame.image.save(guide(name), str(path))
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    """Show the scene until Esc (or for ``--seconds``); ``--guide DIR`` writes tile guides instead."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tileset", help="tileset name in assets/tilesets, e.g. bathhouse (--guide: or all)")
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=0, help="quit after this long (0 = stay open)")
    parser.add_argument("--guide", type=Path, metavar="DIR",
                        help="write DIR/NAME.png: every tile with its id, name and solid flag (docs/tiles)")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if args.guide is not None:
        from game.paths import assets_dir

        names = (sorted(p.stem for p in (assets_dir() / "tilesets").glob("*.tsx")) if args.tileset == "all"
                 else [args.tileset])
        try:
            for path in write_guides(names, args.guide):
                print(f"wrote {path}")
        except (OSError, ValueError) as exc:
            print(f"tileset_preview: cannot write the tile guide ({exc})", file=sys.stderr)
            return 2
        return 0
    import pygame

    from game.render.actors import shadow
    from game.render.atlas import SheetError, load_sheet
    from game.render.effects import Effects
    from game.render.font import BitmapFont
    from game.render.hud import put
    from game.render.screen import Display
    from game.render.tilelayers import TileLayers

    try:
        view = build_view(args.tileset)
    except (OSError, ValueError) as exc:
        print(f"tileset_preview: cannot read tileset {args.tileset!r} ({exc})", file=sys.stderr)
        return 2
    pygame.display.init()
    display = Display(scale=args.scale, title=f"Red Heat tileset: {args.tileset}")
    tiles = TileLayers(view)
    weather = {"bathhouse": "steam", "moscow_street": "snow"}.get(args.tileset, "")
    effects = Effects(weather, seed=5)
    small = BitmapFont.load("small")
    cast = []
    for sheet_name, x, y, facing in CAST.get(args.tileset, []):
        with contextlib.suppress(SheetError):   # a missing sheet just leaves the scene emptier
            cast.append((load_sheet(sheet_name), x, y, facing))
    clock = pygame.time.Clock()
    tick, cam_y = 0, view.pixel_height - 180
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
                running = False
        canvas = display.canvas
        canvas.fill((0, 0, 0))
        tiles.draw(canvas, 0, cam_y, False)
        for sheet, x, y, facing in cast:
            frames = sheet.frames("idle", facing < 0)
            surf = frames[(tick // 13) % len(frames)][0]
            px, py = sheet.pivot_for(facing < 0)
            canvas.blit(shadow(30), (x - 15, y - cam_y - 4))
            canvas.blit(surf, (x - px, y - cam_y - py))
        tiles.draw(canvas, 0, cam_y, True)
        effects.update(0, cam_y)
        effects.draw_weather(canvas, 0, cam_y)
        canvas.fill((8, 6, 12), (0, 168, 320, 12))
        put(canvas, small, f"TILESET: {args.tileset.upper()}", 160, 170, (236, 236, 244), align="center")
        display.present()
        clock.tick(60)
        tick += 1
        if args.seconds and tick >= args.seconds * 60:
            running = False
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
