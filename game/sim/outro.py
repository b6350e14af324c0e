"""A level's exit scene: what happens after its last fight, before the level-clear card (pygame-free).

A level picks one with its map property ``outro`` (enum ``Outro`` in ``redheat.tiled-project``):

- ``none``: the level ends at its ``Exit`` as always.
- ``viktor_key`` (the hotel): a door in the back wall opens, Viktor runs out, snatches the locker key that
  fell from his bodyguard and runs off the far edge of the screen, the key glinting in his hand.
- ``bus_departs`` (the bus station): an empty bus pulls into the bay (on the back of the floor), Viktor
  runs in from the edge of the screen and jumps aboard, the door shuts, the horn blares and the bus
  drives off the right edge.

The scene starts once every wave is cleared (the boss is down) and no enemy is left standing in view.
While it plays the players' controls do nothing but skip it (a fresh press of START or punch by either
player, once :data:`SKIP_AFTER` ticks have passed), enemies stand still and the clock stops; when it ends
(or is skipped) the level is cleared (``level_clear``), whether or not anyone reached the ``Exit``.
Viktor is an entity of kind ``actor``: no rule hits, grabs or blocks him. The rest of the scene's state
(the key, the bus) lives in the world's one :class:`OutroRec`, which the presentation draws from.

Events: ``outro_start`` (tag = the outro, x/y = where the key lies or the bus stops), ``door_open``
(value 0, tag ``outro``: the hotel door Viktor comes out of), ``outro_key`` (Viktor takes the key), ``engine``
(strength 1-3 low/mid/high, value 0-100: the bus's engine as its speed changes), ``horn`` (tag
``viktor_bus``), ``outro_bus`` (the bus pulls away), ``outro_end`` (value 1 when skipped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.sim import events as ev
from game.sim import scroll
from game.sim.actions import Action
from game.sim.fighter import blocked, set_state
from game.sim.fixed import FP
from game.sim.scroll import VIEW_W

if TYPE_CHECKING:
    from game.sim.entities import Entity
    from game.sim.level import LevelDesc
    from game.sim.world import World

OUTROS = ("none", "viktor_key", "bus_departs")
SKIP_AFTER = 45            # ticks before a press can skip the scene (a blow still landing must not)
SKIP_BUTTONS = int(Action.START | Action.PUNCH)
MAX_TICKS = 20 * 60        # a scene never runs longer than this, whatever happens
OFF = 40                   # px past the view's edge where someone has left the screen
RUN = 3 * FP               # Viktor's run, 1/256 px per tick (as fast as his flee in Moscow)
RUN_Y = 3 * FP // 2
AFTER = 40                 # ticks the empty screen stays before the level is cleared
# viktor_key
DOOR_OPENS = 30            # ticks into the scene
VIKTOR_OUT = 42
DOOR_BEYOND = 64           # px beyond the key (away from the players) where the scene's own door stands...
DOOR_MARGIN = 36           # ...but at least this far inside the view
GRAB_TICKS = 20            # Viktor bends for the key...
GRAB_TAKES = 8             # ...and has it this many ticks in
TAUNT_TICKS = 30           # he turns to the players and holds it up before he runs
KEY_SKID = 56              # px the key skids from where the boss fell, away from the players
KEY_REACH = 14             # px: he stops this far short of the key, his hands over it
# bus_departs: the side-view bus at fighter scale (assets/ui/outro/outro.json, tools/art/outro.py)
BUS_LENGTH = 224           # px of the bus picture
BUS_DOOR_X = 178           # px from the picture's left (the rear) to the middle of its front door
BUS_KERB = 30              # px into the floor from its back edge where the bus's wheels run (below the HUD)
BUS_DOOR_AT = 196          # px from the view's left edge where the door stops
BUS_IN_SPEED = 5 * FP      # arriving
BUS_MAX_SPEED = 7 * FP     # leaving
BUS_ACCEL = 16             # 1/256 px per tick per tick, leaving
BUS_BRAKE = 22             # the arriving bus slows as it nears its stop: speed = distance / this
VIKTOR_RUNS_IN = 24        # ticks into the scene
DOOR_OPEN_TICKS = 12       # after the bus stops, its door folds open
BOARD_TICKS = 18           # Viktor aboard: the door shuts...
HORN_AT = 24               # ...the horn...
DEPART_AT = 34             # ...and the bus pulls away
ENGINE_IDLE = 15


@dataclass(slots=True)
class OutroRec:
    """The level's exit scene: the world has one when its level has an outro."""

    kind: str
    phase: str = "waiting"     # waiting (the level is on), playing, done
    t: int = 0                 # ticks since the scene began
    beat: str = ""             # the scene's current beat (see the module docstring)
    beat_t: int = 0            # ticks since the beat began
    viktor: int = -1           # Viktor's entity id while he is on screen
    door: int = -1             # the door he comes out of (viktor_key)
    key_x: int = 0             # where the key lies (px); key_on: still lying there
    key_from: int = 0          # where it fell from (the boss, px): it skids from there to key_x
    key_y: int = 0
    key_on: bool = False
    goal_x: int = 0            # where Viktor runs to (px)
    goal_y: int = 0
    away: int = 1              # the edge he escapes by (+1 right, -1 left)
    bus_x: int = 0             # the bus picture's left edge (1/256 px); bus_y its wheels' ground (px)
    bus_y: int = 0
    bus_vx: int = 0
    bus_stop: int = 0          # where the arriving bus stops (1/256 px)
    bus_door: bool = False     # its front door folded open
    bus_wheel: int = 0         # how far its wheels have turned (1/256 px rolled): for drawing
    engine: int = 0            # 0..100: the engine's intensity, for the engine's drone
    skipped: bool = False
    held: list[int] = field(default_factory=lambda: [0, 0])   # buttons held last tick, per player

    @property
    def on(self) -> bool:
        """The scene is playing (the controls only skip it)."""
        return self.phase == "playing"

    @property
    def skippable(self) -> bool:
        """A press now skips the scene."""
        return self.phase == "playing" and self.t >= SKIP_AFTER

    def key(self) -> tuple[Any, ...]:
        """Fields for the state hash."""
        return (self.kind, self.phase, self.t, self.beat, self.beat_t, self.viktor, self.door, self.key_x,
                self.key_from, self.key_y, self.key_on, self.goal_x, self.goal_y, self.away, self.bus_x,
                self.bus_y, self.bus_vx, self.bus_stop, self.bus_door, self.bus_wheel, self.engine,
                self.skipped, tuple(self.held))


def kind_of(level: LevelDesc) -> str:
    """The level's outro (``none`` when it has none)."""
    return str(level.properties.get("outro", "none") or "none")


def create(level: LevelDesc) -> OutroRec | None:
    """The record for a level with an outro, None otherwise (a chase ends its own way)."""
    kind = kind_of(level)
    if kind == "none" or level.mode == "chase":
        return None
    if kind not in OUTROS:
        raise ValueError(f"unknown outro {kind!r} (valid: {', '.join(OUTROS)})")
    return OutroRec(kind)


# -- the controls while it plays --------------------------------------------------------------------
def controls(w: World, inputs: list[int] | tuple[int, ...]) -> list[int]:
    """The scene is playing: note skip presses (ending it) and give the players no input."""
    rec = w.outro
    assert rec is not None
    skip = False
    for i in range(len(w.slots)):
        bits = int(inputs[i]) if i < len(inputs) else 0
        fresh = bits & ~rec.held[i]
        rec.held[i] = bits
        skip |= bool(fresh & SKIP_BUTTONS)
    if skip and rec.t >= SKIP_AFTER:
        end(w, skipped=True)
    return [0] * len(w.slots)


# -- the scene ------------------------------------------------------------------------------------------
def view(w: World) -> tuple[int, int]:
    """The px range the players see once the view has settled on them (it eases on after the last fight)."""
    if w.lock:
        lo = w.lock[0]
    else:
        g = scroll.goal(w)
        lo = w.scroll_x if g is None else max(w.scroll_x, g)
    return lo, lo + VIEW_W


def update(w: World) -> None:
    """One tick (after the flow phase): start the scene when the level's fighting is over, play it."""
    rec = w.outro
    if rec is None or w.result is not None:
        return
    if rec.phase == "waiting":
        if _ready(w):
            _start(w, rec)
        return
    if rec.phase != "playing":
        return
    rec.t += 1
    rec.beat_t += 1
    v = w.by_id.get(rec.viktor) if rec.viktor >= 0 else None
    if v is not None:
        v.anim_tick += 1
    if rec.kind == "viktor_key":
        _key_scene(w, rec, v)
    else:
        _bus_scene(w, rec, v)
    if w.result is None and ((rec.beat == "after" and rec.beat_t >= AFTER) or rec.t >= MAX_TICKS):
        end(w, skipped=False)


def _ready(w: World) -> bool:
    from game.sim import flow

    if not w.wave_status or not flow.waves_done(w) or w.door_queue:
        return False
    if any(s.out for s in w.slots) and all(s.out for s in w.slots):
        return False
    lo, hi = view(w)
    for e in w.entities:
        if (e.kind == "enemy" and e.alive and not e.remove and not e.dormant
                and lo - 32 <= e.x // FP <= hi + 32):
            return False    # someone is still fighting on screen
    return True


def _beat(rec: OutroRec, name: str) -> None:
    rec.beat, rec.beat_t = name, 0


def _start(w: World, rec: OutroRec) -> None:
    rec.phase, rec.t = "playing", 0
    w.go_arrow = 0
    for i, slot in enumerate(w.slots[:2]):
        rec.held[i] = slot.prev_input    # a button already down is no press
    lo, hi = view(w)
    if rec.kind == "viktor_key":
        _place_key(w, rec, lo, hi)
        _beat(rec, "door")
        w.emit(ev.OUTRO_START, x=rec.key_x, y=rec.key_y, tag=rec.kind)
    else:
        rec.bus_y = min(w.floor_top // FP + BUS_KERB, w.floor_bottom // FP - 24)
        rec.bus_stop = (lo + BUS_DOOR_AT - BUS_DOOR_X) * FP
        rec.bus_x = (lo - BUS_LENGTH - 8) * FP
        rec.bus_vx = BUS_IN_SPEED
        _beat(rec, "arrive")
        _engine(w, rec, 60)
        w.emit(ev.OUTRO_START, x=lo + BUS_DOOR_AT, y=rec.bus_y, tag=rec.kind)


def end(w: World, skipped: bool) -> None:
    """The scene is over (or skipped): Viktor is gone and the level is cleared."""
    rec = w.outro
    assert rec is not None
    rec.phase, rec.skipped = "done", skipped
    rec.engine = 0
    v = w.by_id.get(rec.viktor) if rec.viktor >= 0 else None
    if v is not None:
        v.remove = True
    rec.viktor = -1
    w.emit(ev.OUTRO_END, value=int(skipped), tag=rec.kind)
    players = [p for p in w.player_entities() if p.alive] or w.player_entities()
    p = players[0]
    w.result = "cleared"
    w.emit(ev.LEVEL_CLEAR, x=p.x // FP, y=p.y // FP, actor=p.eid)


def _floor_y(w: World, x: int, y: int) -> int:
    """``y`` (px) moved onto the floor at ``x`` if it lies in a wall or bench."""
    top, bottom = w.floor_top // FP + 4, w.floor_bottom // FP - 4
    y = max(top, min(bottom, y))
    if not blocked(w, x * FP, y * FP):
        return y
    for d in range(2, bottom - top, 2):
        for yy in (y + d, y - d):
            if top <= yy <= bottom and not blocked(w, x * FP, yy * FP):
                return yy
    return y


def _spawn_viktor(w: World, rec: OutroRec, x: int, y: int, facing: int) -> Entity:
    v = w.spawn("actor", x * FP, y * FP)
    v.char = v.tag = "viktor"
    v.facing = facing
    set_state(v, "walk", anim="flee")
    rec.viktor = v.eid
    return v


def _run_to(v: Entity, gx: int, gy: int) -> bool:
    """Viktor runs a tick toward (gx, gy) px; True once there."""
    dx, dy = gx * FP - v.x, gy * FP - v.y
    step_x = max(-RUN, min(RUN, dx))
    step_y = max(-RUN_Y, min(RUN_Y, dy))
    v.x += step_x
    v.y += step_y
    if step_x:
        v.facing = 1 if step_x > 0 else -1
    v.vx, v.vy = step_x, step_y
    return v.x == gx * FP and v.y == gy * FP


# -- viktor_key ------------------------------------------------------------------------------------------
def _place_key(w: World, rec: OutroRec, lo: int, hi: int) -> None:
    """The key lies where the boss fell (inside the view), else in the middle of the floor."""
    boss = next((w.by_id[eid] for eid in sorted(w.bosses) if eid in w.by_id), None)
    mid_y = (w.floor_top + w.floor_bottom) // 2 // FP
    x, y = (boss.x // FP, boss.y // FP) if boss is not None else ((lo + hi) // 2, mid_y)
    x = max(lo + 56, min(hi - 56, x))
    rec.key_from = x
    # It skids out of his coat, away from whoever felled him, so Viktor has room to snatch it.
    xs = [p.x // FP for p in w.player_entities() if p.alive]
    near = min(xs, key=lambda px: (abs(px - x), px)) if xs else x - 1
    d = 1 if x >= near else -1
    spots = [max(lo + 56, min(hi - 56, sx)) for sx in (x + d * KEY_SKID, x - d * KEY_SKID)]
    kx = max(spots, key=lambda sx: min((abs(sx - px) for px in xs), default=0))   # the first of the roomiest
    rec.key_x, rec.key_y, rec.key_on = kx, _floor_y(w, kx, y), True
    # The door Viktor comes out of: one of the level's in view on the key's side of the players (so he
    # never runs through them), else one of the scene's own, on the side the key skidded to.
    side = 1 if kx >= near else -1
    doors = [e for e in w.entities if e.kind == "door" and lo + 32 <= e.x // FP <= hi - 32
             and all((e.x // FP - px) * side > 24 for px in xs)]
    if doors:
        door = min(doors, key=lambda d: (abs(d.x // FP - rec.key_x), d.eid))
    else:
        dx = max(lo + DOOR_MARGIN, min(hi - DOOR_MARGIN, kx + side * DOOR_BEYOND))
        door = w.spawn("door", dx * FP, w.floor_top + 6 * FP)
        door.char, door.tag = "prop_door", "door"
        door.state = door.anim = "closed"
        door.wave = -1      # no wave opens it
    rec.door = door.eid


def _key_scene(w: World, rec: OutroRec, v: Entity | None) -> None:
    door = w.by_id.get(rec.door)
    if rec.beat == "door":
        if rec.beat_t == DOOR_OPENS and door is not None:
            if door.state != "open":
                door.state = door.anim = "open"
                door.anim_tick = 0
            w.emit(ev.DOOR_OPEN, x=door.x // FP, y=door.y // FP, actor=door.eid, value=0, tag="outro")
        if rec.beat_t >= VIKTOR_OUT:
            dx, dy = (door.x // FP, door.y // FP + 8) if door is not None else (view(w)[1] + OFF, rec.key_y)
            side = 1 if rec.key_x >= dx else -1
            rec.goal_x, rec.goal_y = rec.key_x - side * KEY_REACH, _floor_y(w, rec.key_x - side * KEY_REACH,
                                                                            rec.key_y)
            _spawn_viktor(w, rec, dx, dy, side)
            _beat(rec, "fetch")
    elif rec.beat == "fetch" and v is not None:
        if _run_to(v, rec.goal_x, rec.goal_y):
            v.vx = v.vy = 0
            v.facing = 1 if rec.key_x >= v.x // FP else -1
            set_state(v, "grab")
            _beat(rec, "grab")
    elif rec.beat == "grab" and v is not None:
        if rec.beat_t == GRAB_TAKES:
            rec.key_on = False
            w.emit(ev.OUTRO_KEY, x=rec.key_x, y=rec.key_y, actor=v.eid, tag="key")
        if rec.beat_t >= GRAB_TICKS:
            rec.away = _away(w, v)
            v.facing = -rec.away        # a look back at the players, the key held up
            set_state(v, "idle")
            _beat(rec, "taunt")
    elif rec.beat == "taunt" and v is not None:
        if rec.beat_t >= TAUNT_TICKS:
            v.facing = rec.away
            set_state(v, "walk", anim="flee")
            _beat(rec, "escape")
    elif rec.beat == "escape" and v is not None:
        v.vx, v.vy = rec.away * RUN, 0
        v.x += v.vx
        lo, hi = view(w)
        if not lo - OFF <= v.x // FP <= hi + OFF:
            v.remove = True
            rec.viktor = -1
            _beat(rec, "after")


def _away(w: World, v: Entity) -> int:
    """The edge Viktor escapes by: away from the players (right when they stand on both sides)."""
    xs = [p.x for p in w.player_entities() if p.alive]
    if not xs:
        return 1
    left = sum(1 for x in xs if x < v.x)
    return 1 if left >= len(xs) - left else -1


# -- bus_departs ------------------------------------------------------------------------------------------
def _engine(w: World, rec: OutroRec, level: int) -> None:
    """The engine's intensity; a change of band is an ``engine`` event (the drone follows it)."""
    band = 0 if level <= 0 else 1 if level < 35 else 2 if level < 70 else 3
    old = 0 if rec.engine <= 0 else 1 if rec.engine < 35 else 2 if rec.engine < 70 else 3
    rec.engine = level
    if band != old and band:
        w.emit(ev.ENGINE, x=rec.bus_x // FP + BUS_DOOR_X, y=rec.bus_y, value=level, strength=band,
               tag="viktor_bus")


def _bus_scene(w: World, rec: OutroRec, v: Entity | None) -> None:
    door_x = rec.bus_stop // FP + BUS_DOOR_X
    door_y = rec.bus_y + 3
    if rec.beat == "arrive":
        left = rec.bus_stop - rec.bus_x
        rec.bus_vx = min(BUS_IN_SPEED, max(FP // 4, left // BUS_BRAKE), left)
        rec.bus_x += rec.bus_vx
        rec.bus_wheel += rec.bus_vx
        _engine(w, rec, max(ENGINE_IDLE, rec.bus_vx * 60 // BUS_IN_SPEED))
        if rec.bus_x >= rec.bus_stop:
            rec.bus_x, rec.bus_vx = rec.bus_stop, 0
            _engine(w, rec, ENGINE_IDLE)
            _beat(rec, "stopped")
    elif rec.beat == "stopped" and rec.beat_t >= DOOR_OPEN_TICKS and not rec.bus_door:
        rec.bus_door = True
    if rec.t == VIKTOR_RUNS_IN and v is None and rec.beat in ("arrive", "stopped"):
        hi = view(w)[1]
        y = _floor_y(w, hi - 8, door_y + 12)
        v = _spawn_viktor(w, rec, hi + 24, y, -1)
        rec.goal_x, rec.goal_y = door_x, door_y
    if v is not None and rec.beat in ("arrive", "stopped"):
        if _run_to(v, door_x, door_y):
            if v.state != "idle":
                v.vx = v.vy = 0
                set_state(v, "idle")
                v.facing = -1
            if rec.bus_door:        # aboard
                v.remove = True
                rec.viktor = -1
                _beat(rec, "aboard")
    elif rec.beat == "aboard":
        if rec.beat_t == BOARD_TICKS:
            rec.bus_door = False
        if rec.beat_t == HORN_AT:
            w.emit(ev.HORN, x=door_x, y=rec.bus_y, tag="viktor_bus")
        if rec.beat_t == DEPART_AT:
            w.emit(ev.OUTRO_BUS, x=door_x, y=rec.bus_y, tag="viktor_bus")
            _beat(rec, "depart")
    elif rec.beat == "depart":
        rec.bus_vx = min(BUS_MAX_SPEED, rec.bus_vx + BUS_ACCEL)
        rec.bus_x += rec.bus_vx
        rec.bus_wheel += rec.bus_vx
        _engine(w, rec, 40 + rec.bus_vx * 60 // BUS_MAX_SPEED)
        if rec.bus_x // FP > view(w)[1] + 8:
            _engine(w, rec, 0)
            _beat(rec, "after")
