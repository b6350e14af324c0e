"""Build the campaign's brawl levels: ``python tools/levels/campaign.py [NAME ...]`` writes levels/NAME.tmx.

Each level is a street of fights laid out left to right: stragglers standing by between the fights
(so the screen is rarely empty), locked waves that walk in from both edges, items, the level's set
piece, and a boss fight before the exit. Kinds the cast has not shipped yet fall back to an existing
kind (``kind_or``), so every level plays today and picks the new cast up when this is re-run.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tmxgen import Level, kind_or, known_classes, known_values, level_props

ROOT = Path(__file__).resolve().parents[2]

LANES = (104, 150, 124, 166, 112, 140)   # feet y of the fighters, spread over the depth of the floor
WAVES = 6     # the fights of a level are folded into this many waves (the boss's last)
SPACING = 220  # px from one wave to the next (a shorter walk: less time with nobody in view)
BOSS_KEEP = 3  # the boss and two of his men at once, the rest walking in as one falls
BOSS_MEN_HP_PCT = 200   # the boss's men in his wave: this much of their kind's hit points
KEEP = 5      # about this many of a wave on screen at once, the next walking in as one falls


@dataclass
class Fight:
    kinds: list[str]                    # who walks in when the wave starts
    name: str = ""
    stragglers: list[str] = field(default_factory=list)  # standing by on the way to this fight
    items: list[tuple[str, dict]] = field(default_factory=list)  # (template, props) around the fight
    extra: list[tuple[str, int, int, dict]] = field(default_factory=list)  # (template, dx, y, props)
    width: int = 64


def kind_hp(kind: str) -> int:
    """An enemy kind's own hit points (assets/data/enemies.json)."""
    data = json.loads((ROOT / "assets" / "data" / "enemies.json").read_text())
    return int(data[kind]["hp"])


def free_lane(lv: Level, x: int, first: int) -> int:
    """The first lane from ``LANES[first]`` on where a fighter at ``x`` stands on floor."""
    return next(ly for j in range(len(LANES)) if not lv.solid_at(x, ly := LANES[(first + j) % len(LANES)]))


def regroup(fights: list[Fight], waves: int, more: int = 0) -> tuple[list[Fight], dict[int, int]]:
    """Fold the fights before the boss into ``waves - 1`` fuller ones (their cast in order, items and
    extras going with the fight holding their first enemy), the boss with ``more`` more of his men;
    return them and each old fight's new number."""
    body, boss = fights[:-1], fights[-1]
    cast = [(n, k) for n, f in enumerate(body, 1) for k in f.kinds]
    groups = waves - 1
    new: list[Fight] = []
    of: dict[int, int] = {}
    for g in range(groups):
        part = cast[g * len(cast) // groups:(g + 1) * len(cast) // groups]
        first = body[part[0][0] - 1]
        new.append(Fight([k for _, k in part], first.name, width=first.width))
        for n, _ in part:
            of.setdefault(n, g + 1)
    for n, f in enumerate(body, 1):
        g = new[of[n] - 1]
        g.stragglers += f.stragglers
        g.items += f.items
        g.extra += [(t, dx, y, {**p, "wave": of[n]} if "wave" in p else p) for t, dx, y, p in f.extra]
    boss = Fight(list(boss.kinds), boss.name, list(boss.stragglers), list(boss.items), list(boss.extra),
                 boss.width)
    boss.kinds += boss.kinds[1:2] * more   # the boss's men: more of them with him from the start
    of[len(fights)] = waves
    return [*new, boss], of


def build(name: str, tileset: str, props: dict, background: str, fights: list[Fight],
          segments: list[str], spacing: int = 200, seed: int = 1, waves: int = WAVES, keep: int = KEEP,
          more: int = 4, first_keep: int = 0, **look: object) -> Level:
    """Lay the fights out along a street and return the level (``write()`` saves it).

    With ``waves`` the fights are folded into that many fuller ones over the same length of street, and
    with ``keep`` every wave but one fighter standing by walks in, about ``keep`` on screen at once (the
    next one walking in as one falls: the ``Wave`` member ``keep``); ``first_keep`` (when set) eases the
    player into the first fight with fewer at once."""
    start = 200
    of = {n: n for n in range(1, len(fights) + 1)}
    if waves and waves != len(fights):
        spacing = SPACING
        fights, of = regroup(fights, waves, more)
    cols = (start + spacing * len(fights) + 260) // 16
    lv = Level(name, tileset, cols, level_props(**props), background, seed=seed)
    lv.wave_of = of     # type: ignore[attr-defined]  # an old fight number -> its wave (zone())
    for k, v in look.items():
        setattr(lv, k, v)
    seg_len = cols // len(segments)
    lv.segments = [(i * seg_len, s) for i, s in enumerate(segments)]
    lv.add("player_start.tx", 40, 136, "danko")
    x = start
    for n, f in enumerate(fights, 1):
        if n >= 3:
            # the later fights are tougher: two of each wave's weakest (thugs) become gangsters
            swaps = 2
            for i, k in enumerate(f.kinds):
                if swaps and k == "thug" and i > 0:
                    f.kinds[i], swaps = "gangster", swaps - 1
        zx = x + spacing - 160
        # stragglers: standing by between the last fight and this one (a fifth of a wave waits there
        # too, so a locked fight has at most four walking in and six on screen)
        walk = len(f.kinds) - 1 if keep and len(f.kinds) > keep and n < len(fights) else len(f.kinds)
        waiting = f.stragglers + f.kinds[walk:]
        for i, k in enumerate(waiting):
            sx = x - 40 + (i + 1) * (zx - x + 40) // (len(waiting) + 1)
            y = free_lane(lv, sx, n + i)
            lv.enemy(k, sx, y, facing="left")
        lv.wave(n, zx, f.name, w=f.width,
                keep=(first_keep if n == 1 and first_keep else keep) if n < len(fights) else BOSS_KEEP)
        mid = zx + f.width // 2
        for i, k in enumerate(f.kinds[:walk]):
            left = i % 3 == 2
            if n == len(fights):
                left = i >= 1     # the boss's men come from behind: someone is in view at once
            ex = mid - 182 - 10 * i if left else mid + 158 + 14 * i
            y = free_lane(lv, ex, i)
            # the boss's own men are tougher than the street's, so he is seldom fought alone
            hp = kind_hp(k) * BOSS_MEN_HP_PCT // 100 if n == len(fights) and i > 0 and keep else 0
            lv.enemy(k, ex, y, wave=n, facing="right" if left else "", hp=hp)
        for i, (tpl, p) in enumerate(f.items):
            ix = zx + 40 + 36 * i
            y = free_lane(lv, ix, i + 3)
            lv.add(tpl, ix, y, **p)
        for tpl, dx, y, p in f.extra:
            lv.add(tpl, zx + dx, y, **p)
        x = zx + 160
    lv.add("exit.tx", x + 120, 80, "exit").w = 32
    lv.objects[-1].h = 96
    return lv


def zone(lv: Level, n: int) -> int:
    """The x of the rectangle of the wave that holds fight ``n`` (see ``regroup``)."""
    n = getattr(lv, "wave_of", {}).get(n, n)
    return next(o.x for o in lv.objects if o.template == "wave.tx" and o.props["number"][2] == n)


def place(lv: Level, template: str, x: int, y: int, name: str = "", **props: object) -> None:
    """Add an object at the first lane from ``y`` where it does not stand in a solid tile."""
    lanes = [y] + [ly for ly in LANES if ly != y]
    y = next(ly for ly in lanes if not lv.solid_at(x, ly))
    lv.add(template, x, y, name, **props)


def breakable(lv: Level, kind: str, x: int, y: int, drops: str = "random", name: str = "") -> None:
    place(lv, f"breakable_{kind}.tx" if kind != "car" else "breakable_car.tx", x, y, name,
          **({"drops": drops} if drops != "random" else {}))


def mark_boss(lv: Level, kind: str) -> None:
    """Give the level's boss (the first of ``kind`` in the last wave) the boss bar."""
    last = max(o.props["number"][2] for o in lv.objects if o.template == "wave.tx")
    for o in lv.objects:
        if o.template == f"enemy_{kind}.tx" and o.props.get("wave", ("", "", 0))[2] == last:
            o.props["boss"] = ("bool", "", True)
            o.name = o.name or "boss"
            return


def have(cls: str) -> bool:
    return cls in known_classes()


def bonus_ok(kind: str) -> bool:
    return kind in known_values("PickupKind")


# ---- the levels -----------------------------------------------------------------------------------

HEALTH = ("pickup_health.tx", {})
AMMO = ("pickup_ammo.tx", {})


def points(n: int) -> tuple[str, dict]:
    return ("pickup_points.tx", {"amount": n})


def bathhouse() -> Level:
    brute = kind_or("brute", "gangster")
    boss = kind_or("heavy", "viktor")
    fights = [
        Fight(["bather", "thug", "thug", "bather", "thug"], "changing_room"),
        Fight(["gangster", "bather", brute, "bather", "thug"], "steam_room_door", items=[HEALTH]),
        Fight(["bather", brute, "gangster", brute], "hot_room",
              extra=[("enemy_thug.tx", 200, 112, {"wave": 3}), ("pickup_points.tx", 212, 112,
                                                                 {"amount": 1000})]),
        Fight(["gangster", brute, "bather", "gangster", brute], "plunge_pool"),
        Fight([brute, "gangster", brute, "gangster", "gangster"], "massage_room", items=[HEALTH]),
        Fight(["gangster", brute, "gangster", brute, "gangster"], "back_corridor"),
        Fight([brute, "gangster", "bather", brute, "gangster"], "boiler_room"),
        Fight([boss, "gangster"], "the_heavy", width=320),
    ]
    lv = build("bathhouse", "bathhouse",
               dict(title="THE BATHHOUSE", music="bathhouse", time_limit=600, start_ammo=0, outfit="bath"),
               "#1a1014", fights, ["plain", "windows", "motif", "windows", "dark", "motif", "windows"],
               seed=1, more=2, first_keep=3,
               haze_share=0.08, haze_opacity=0.6, haze_parallax=1.15, band_row=0,
               benches=[14, 40, 100, 150], smalls=[(26, 5), (58, 5), (128, 5), (170, 5)],
               pillars=[24, 48, 80, 112, 140, 175])
    # The wooden-leg thug of the film: named so he wears the leg; his stash lies where he stands.
    # Fights fold into fuller waves, so another thug may share his wave and depth: he is the one by
    # the stash (placed 12 px from it), and only he.
    stash = next(o for o in lv.objects if o.template == "pickup_points.tx" and o.y == 112 and not o.name)
    stash.name = "wooden_leg_stash"
    thugs = [o for o in lv.objects if o.template == "enemy_thug.tx" and o.y == 112
             and o.props.get("wave", ("", "", 0))[2] == lv.wave_of[3]]
    leg = min(thugs, key=lambda o: abs(o.x + 12 - stash.x))
    leg.name, leg.props["hp"] = "wooden_leg", ("int", "", 60)
    if have("Breakable"):
        breakable(lv, "bin", zone(lv, 1) + 120, 104, "health", "towel_bin")
        breakable(lv, "crate", zone(lv, 2) + 90, 150, "pipe", "birch_crate")
        breakable(lv, "barrel", zone(lv, 4) - 40, 124)
        breakable(lv, "crate", zone(lv, 5) + 110, 166, "points")
        breakable(lv, "bin", zone(lv, 6) - 60, 112)
        breakable(lv, "barrel", zone(lv, 7) + 100, 140)
        place(lv, "weapon_pipe.tx", zone(lv, 6) + 40, 140, "boiler_pipe")
    mark_boss(lv, boss)
    return lv


def moscow() -> Level:
    thrower = kind_or("thrower", "thug")
    brute = kind_or("brute", "gangster")
    fights = [
        Fight(["thug", thrower, "gangster", "thug", "thug"], "market_corner"),
        Fight(["gangster", thrower, brute, "thug", "gangster"], "tram_stop", items=[HEALTH]),
        Fight(["gangster", brute, thrower, "hitman", "gangster"], "church_steps"),
        Fight([brute, "gangster", thrower, "gangster", brute], "courtyard"),
        Fight(["hitman", brute, "gangster", thrower, "gangster"], "bridge", items=[points(1000)]),
        Fight([brute, "gangster", thrower, "gangster", "hitman"], "arcade", items=[HEALTH]),
        Fight(["hitman", "gangster", brute, thrower, brute], "train_yard_gate"),
        Fight(["viktor", "gangster"], "viktor", width=320),
    ]
    lv = build("moscow", "moscow_street",
               dict(title="MOSCOW, WINTER", music="moscow", time_limit=600, start_ammo=0),
               "#1c1218", fights, ["windows", "motif", "signs", "dark", "mixed", "windows", "motif"],
               seed=2, haze_share=0.05, haze_opacity=0.55, haze_parallax=1.25, band_row=8,
               benches=[30, 95, 160], smalls=[(52, 5), (118, 5), (180, 5)], pillars=[40, 72, 120, 150])
    if have("FallingHazard"):   # (campaign-rules renamed it: the chase has its own Hazard)
        # The set piece: icicles and loose masonry along the eaves of the old town, shadow first.
        for n, kind, dx, y in ((2, "icicle", 30, 112), (3, "icicle", 70, 150), (4, "masonry", 20, 130),
                               (5, "icicle", 60, 104), (6, "icicle", 10, 160), (7, "masonry", 40, 124)):
            place(lv, f"hazard_{kind}.tx", zone(lv, n) + dx, y, f"{kind}_{n}")
    if have("Breakable"):
        breakable(lv, "crate", zone(lv, 1) + 100, 150, "health", "market_crate")
        breakable(lv, "barrel", zone(lv, 2) - 50, 104, "bottle")
        breakable(lv, "crate", zone(lv, 4) + 120, 166)
        breakable(lv, "barrel", zone(lv, 5) - 40, 140, "points")
        breakable(lv, "crate", zone(lv, 7) + 90, 112)
        place(lv, "weapon_bottle.tx", zone(lv, 3) + 40, 140, "vodka_bottle")
    mark_boss(lv, "viktor")
    return lv


def chicago() -> Level:
    ch = kind_or("cleanhead", "thug")
    thrower = kind_or("thrower", "thug")
    brute = kind_or("brute", "gangster")
    boss = kind_or("ambush_leader", "viktor")
    fights = [
        Fight([ch, ch, "gangster", ch, ch], "convoy_stops"),
        Fight([ch, thrower, "gangster", brute, brute], "under_the_el", items=[HEALTH]),
        Fight(["hitman", ch, brute, thrower, "gangster"], "gas_station"),
        Fight([brute, ch, "gangster", ch, thrower], "parking_lot", items=[points(1000)]),
        Fight([ch, "hitman", "gangster", brute, "gangster"], "alley"),
        Fight(["gangster", ch, thrower, brute, "hitman"], "loading_dock", items=[HEALTH]),
        Fight([brute, "hitman", "gangster", ch, "gangster"], "overpass"),
        Fight([boss, ch], "the_ambush", width=320),
    ]
    lv = build("chicago", "chicago_night",
               dict(title="CHICAGO: THE TRANSFER", music="chicago", time_limit=600),
               "#0c0a18", fights, ["signs", "windows", "motif", "dark", "signs", "mixed", "windows"],
               seed=3, haze_share=0.04, haze_opacity=0.5, haze_parallax=1.2, band_row=0,
               benches=[22, 88, 150], smalls=[(40, 5), (64, 5), (110, 5), (135, 5), (176, 5)],
               pillars=[])
    if have("Breakable"):
        # The set piece: the convoy's wrecked escort car in the parking lot, and barrels to smash.
        breakable(lv, "car", zone(lv, 4) + 60, 104, "health", "escort_car")
        breakable(lv, "barrel", zone(lv, 1) + 110, 150, "pipe")
        breakable(lv, "barrel", zone(lv, 2) - 40, 166)
        breakable(lv, "bin", zone(lv, 3) + 120, 104, "points")
        breakable(lv, "barrel", zone(lv, 6) + 80, 140, "health")
        breakable(lv, "bin", zone(lv, 7) - 50, 124)
        place(lv, "weapon_bottle.tx", zone(lv, 5) + 40, 150, "beer_bottle")
    mark_boss(lv, boss)
    return lv


def hospital() -> Level:
    ch = kind_or("cleanhead", "thug")
    thrower = kind_or("thrower", "thug")
    brute = kind_or("brute", "gangster")
    boss = "nurse"
    fights = [
        Fight([ch, "gangster", ch, ch, ch], "reception"),
        Fight(["hitman", ch, thrower, brute, "gangster"], "corridor_a", items=[HEALTH]),
        Fight([ch, brute, "gangster", ch, thrower], "ward_one", items=[AMMO]),
        Fight(["gangster", brute, "hitman", ch, ch], "x_ray"),
        Fight([brute, ch, thrower, "gangster", brute], "corridor_b", items=[HEALTH]),
        Fight(["hitman", ch, "gangster", brute, "gangster"], "ward_two"),
        Fight([brute, "gangster", thrower, "hitman", ch], "stairwell"),
        Fight([boss, "gangster"], "the_nurse", width=320),
    ]
    lv = build("hospital", "hospital",
               dict(title="THE HOSPITAL", music="hospital", time_limit=600, start_ammo=3),
               "#10141a", fights, ["plain", "windows", "motif", "signs", "windows", "dark", "motif"],
               seed=4, haze_share=0.02, haze_opacity=0.7, haze_parallax=1.0, band_row=0,
               benches=[30, 100, 170], smalls=[(50, 5), (80, 5), (125, 5), (150, 5)],
               pillars=[44, 96, 140])
    if have("Prop"):
        # The set piece: gurneys and wheelchairs in the corridors roll when hit and bowl people over.
        for n, kind, dx, y in ((2, "gurney", 10, 124), (3, "wheelchair", 60, 150), (5, "gurney", 20, 140),
                               (6, "wheelchair", 50, 112), (8, "gurney", 40, 150)):
            place(lv, f"prop_{kind}.tx", zone(lv, n) + dx, y, f"{kind}_{n}")
    if have("Breakable"):
        breakable(lv, "bin", zone(lv, 1) + 100, 104, "health", "linen_bin")
        breakable(lv, "crate", zone(lv, 3) - 40, 166, "points", "supply_crate")
        breakable(lv, "bin", zone(lv, 4) + 120, 140)
        breakable(lv, "crate", zone(lv, 6) - 50, 166, "points")
        breakable(lv, "bin", zone(lv, 7) + 110, 124)
        place(lv, "weapon_knife.tx", zone(lv, 4) + 40, 150, "scalpel")
    mark_boss(lv, "nurse")
    return lv


def hotel() -> Level:
    gun = kind_or("gunman", "hitman")
    brute = kind_or("brute", "gangster")
    boss = kind_or("bodyguard", "viktor")
    fights = [
        Fight(["thug", "gangster", "thug", gun, "thug"], "lobby"),
        Fight(["gangster", brute, gun, "gangster", "gangster"], "stairs", items=[HEALTH]),
        Fight([brute, "thug", gun, "gangster", brute], "lift"),
        Fight(["gangster", gun, brute, "hitman", "gangster"], "corridor", items=[AMMO]),
        Fight([gun, "gangster", brute, "hitman", brute], "linen_room"),
        Fight([brute, "gangster", gun, "gangster", "hitman"], "fire_door", items=[HEALTH]),
        Fight(["hitman", gun, brute, "gangster", brute], "dankos_room"),
        Fight([boss, gun], "the_bodyguard", width=320),
    ]
    lv = build("hotel", "hotel",
               dict(title="THE HOTEL", music="hotel", time_limit=600, start_ammo=3, outro="viktor_key"),
               "#140c10", fights, ["motif", "windows", "plain", "motif", "signs", "windows", "dark"],
               seed=5, haze_share=0.02, haze_opacity=0.45, haze_parallax=1.1, band_row=6,
               benches=[26, 92, 160], smalls=[(48, 5), (70, 5), (120, 5), (178, 5)],
               pillars=[36, 84, 132, 170])
    if have("Door"):
        # The set piece: room doors along the corridor burst open and let Viktor's men out.
        for n in sorted({lv.wave_of[n] for n in (2, 4, 5, 7)}):   # type: ignore[attr-defined]
            z = next(o.x for o in lv.objects if o.template == "wave.tx" and o.props["number"][2] == n) + 32
            col = min((c for c in range(lv.cols) if c % 16 == 11 and lv.style_at(c) != "dark"
                       and not lv.solid_at(c * 16 + 8, 88)),
                      key=lambda c: abs(c * 16 + 8 - z))
            lv.add("door.tx", col * 16 + 8, 88, f"room_door_{n}", wave=n)
    if have("Breakable"):
        breakable(lv, "crate", zone(lv, 1) + 100, 150, "health", "room_service_cart")
        breakable(lv, "bin", zone(lv, 2) - 40, 104, "points")
        breakable(lv, "crate", zone(lv, 3) + 120, 166, "bottle")
        breakable(lv, "bin", zone(lv, 5) + 100, 124, "points")
        breakable(lv, "crate", zone(lv, 6) - 50, 140, "points")
        place(lv, "weapon_bottle.tx", zone(lv, 4) + 40, 150, "champagne")
    mark_boss(lv, boss)
    return lv


def station() -> Level:
    ch = kind_or("cleanhead", "thug")
    gun = kind_or("gunman", "hitman")
    thrower = kind_or("thrower", "thug")
    brute = kind_or("brute", "gangster")
    boss = kind_or("cleanhead_boss", "viktor")
    fights = [
        Fight([ch, ch, thrower, ch, "gangster"], "ticket_hall"),
        Fight([ch, gun, brute, "gangster", "gangster"], "waiting_room", items=[HEALTH]),
        Fight([brute, ch, thrower, "gangster", gun], "lockers", items=[AMMO]),
        Fight([ch, "gangster", gun, brute, thrower], "cafeteria"),
        Fight([gun, brute, "gangster", "gangster", brute], "baggage", items=[HEALTH]),
        Fight([ch, "gangster", gun, brute, brute], "platform_a"),
        Fight([brute, thrower, "gangster", gun, brute], "bay_12", items=[points(1000)]),
        Fight([boss, ch], "the_leader", width=320),
    ]
    lv = build("station", "bus_station",
               dict(title="THE BUS STATION", music="chicago", time_limit=600, outro="bus_departs"),
               "#0e0e14", fights, ["windows", "motif", "motif", "signs", "windows", "dark", "windows"],
               seed=6, haze_share=0.03, haze_opacity=0.5, haze_parallax=1.2, band_row=0,
               benches=[24, 90, 156], smalls=[(44, 5), (66, 5), (118, 5), (140, 5), (182, 5)],
               pillars=[36, 104, 170])
    if have("Breakable"):
        # The set piece: the row of lockers, Viktor's among them; they burst open with what they hold.
        lockers = (("points", "locker_1"), ("health", "locker_2"), ("points", "locker_3"),
                   ("pipe", "locker_4"), ("points", "viktors_locker"))
        for i, (drops, name) in enumerate(lockers):
            breakable(lv, "locker", zone(lv, 3) - 100 + 52 * i, 100, drops, name)
        breakable(lv, "bin", zone(lv, 1) + 100, 150)
        breakable(lv, "bin", zone(lv, 6) - 40, 140)
        place(lv, "weapon_knife.tx", zone(lv, 5) + 40, 150, "switchblade")
    mark_boss(lv, boss)
    return lv


LEVELS = {"bathhouse": bathhouse, "moscow": moscow, "chicago": chicago, "hospital": hospital,
          "hotel": hotel, "station": station}


def main(argv: list[str]) -> int:
    names = argv or list(LEVELS)
    for n in names:
        if n not in LEVELS:
            print(f"unknown level {n!r}; known: {', '.join(LEVELS)}")
            return 2
        print(LEVELS[n]().write())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
