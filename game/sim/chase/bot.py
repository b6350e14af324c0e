"""The bot in the chase: it drives (lanes, speed, rams), leans out of the door as player 2, and aboard
the bus ducks overhead hazards and keeps off the open door; the rest of the fight is the brawl bot's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.actions import Action
from game.sim.chase import rules
from game.sim.chase.state import LANES, ChaseState, Vehicle
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.bot import Bot
    from game.sim.entities import Entity
    from game.sim.world import World

LOOK_AHEAD = 150          # px of clear lane the bot wants in front of the bus
DUCK_AHEAD = 96           # px: an overhead hazard this close in front (or over it): guard


def decide(bot: Bot, w: World, me: Entity) -> int | None:
    """Input bits for this tick, or None to let the brawl bot decide."""
    st = w.chase
    assert st is not None
    if st.phase in ("boarders", "wreck"):
        return _aboard(bot, w, st, me)
    if st.phase not in ("catch_up", "ram"):
        return 0
    if bot.index == 0 or all(s.out for s in w.slots[:bot.index]):
        return _drive(bot, w, st)
    return _door(bot, w, st)


def _press(bot: Bot, button: int) -> int:
    return 0 if bot.prev & button else button


def _clear(st: ChaseState, lane: int, ahead: int) -> bool:
    bus = st.bus
    for v in st.vehicles:
        if v is bus or v.gone or v.state == "wrecked" or v.kind == "train":
            continue
        if not (v.lane == lane or v.from_lane == lane):
            continue
        lo = bus.fx - (bus.length // 2 + v.length // 2 + 6) * FP
        hi = bus.fx + (bus.length // 2 + v.length // 2 + ahead) * FP
        if lo < v.fx < hi:
            return False
    return True


def _toward(bus: Vehicle, lane: int) -> int:
    if lane < bus.lane:
        return Action.UP
    if lane > bus.lane:
        return Action.DOWN
    return 0


def _drive(bot: Bot, w: World, st: ChaseState) -> int:
    bus = st.bus
    bits = 0
    if st.phase == "ram" and not _clear(st, bus.lane, 40):
        bits |= _press(bot, Action.KICK)     # the horn: a civilian in the way moves over
    if st.phase == "ram" and (vik := st.viktor) is not None:
        dx = (vik.fx - bus.fx) // FP
        if vik.state == "aim" and bus.from_lane < 0:
            away = bus.lane + (1 if bus.lane > vik.lane else -1)
            if 0 <= away < LANES and _clear(st, away, 0):
                return _press(bot, _toward(bus, away))
            return Action.LEFT if dx >= 0 else Action.RIGHT
        if vik.state == "aim" or vik.cooldown > 0:
            # Out of line of the sleeve gun: drop back behind him until he can be rammed again.
            want = dx - rules.SHOT_RANGE - 40
            if vik.cooldown > 0 and vik.cooldown < 30 and vik.state != "aim":
                want = dx
            return bits | (Action.LEFT if want < 0 else Action.RIGHT)
        bits |= Action.RIGHT if dx > 8 else Action.LEFT if dx < -8 else 0
        if (abs(vik.lane - bus.lane) == 1 and abs(dx) < 40 and vik.cooldown == 0 and bus.from_lane < 0
                and vik.from_lane < 0):
            return bits | _press(bot, _toward(bus, vik.lane))
        if abs(vik.lane - bus.lane) != 1 and bus.from_lane < 0:
            want = vik.lane + (1 if bus.lane > vik.lane else -1)
            if 0 <= want < LANES and want != bus.lane and _clear(st, want, 0):
                return bits | _press(bot, _toward(bus, want))
    else:
        bits |= Action.RIGHT
    if bus.from_lane >= 0:
        return bits
    # Ram a gang car that sits beside the bus.
    for v in st.vehicles:
        if (v.kind == "gang_car" and not v.gone and v.state != "wrecked" and abs(v.lane - bus.lane) == 1
                and v.from_lane < 0 and abs(v.fx - bus.fx) < 60 * FP):
            return bits | _press(bot, _toward(bus, v.lane))
    ahead = LOOK_AHEAD if st.phase == "catch_up" else 24    # alongside Viktor: stay with him
    if not _clear(st, bus.lane, ahead):
        for lane in sorted(range(LANES), key=lambda ln: (abs(ln - bus.lane), ln)):
            if abs(lane - bus.lane) == 1 and _clear(st, lane, ahead):
                return (bits & ~Action.RIGHT) | _press(bot, _toward(bus, lane))
        near = [v for v in st.vehicles if v is not bus and not v.gone and v.lane == bus.lane
                and 0 < v.fx - bus.fx < (bus.length // 2 + v.length // 2 + 110) * FP]
        if near:
            bits = (bits & ~Action.RIGHT) | Action.LEFT
            if near[0].kind == "civilian":
                bits |= _press(bot, Action.KICK)
    return bits


def _door(bot: Bot, w: World, st: ChaseState) -> int:
    """Player 2 at the door: punch a gang car beside it, else shoot one coming alongside."""
    bus = st.bus
    slot = w.slots[bot.index]
    door = bus.fx - 20 * FP
    for v in st.vehicles:
        if v.kind != "gang_car" or v.gone or v.state == "wrecked" or abs(v.lane - bus.lane) != 1:
            continue
        if abs(v.fx - door) < 36 * FP:
            return _press(bot, Action.PUNCH)
        if slot.ammo > 0 and abs(v.fx - door) < 200 * FP and v.state == "swerve":
            return _press(bot, Action.SPECIAL)
    return 0


def _aboard(bot: Bot, w: World, st: ChaseState, me: Entity) -> int | None:
    if me.state in ("grab", "grabbed") or me.z > 0:
        return None
    for h in st.hazards:
        if h.kind == "door" or h.gone or me.eid in h.hit_ids:
            continue
        dx = h.x - st.scroll - me.x // FP
        if -rules.HAZARD_REACH - 2 <= dx <= DUCK_AHEAD:
            return Action.PUNCH | Action.KICK
    door = st.door_open or any(h.kind == "door" and h.warning for h in st.hazards)
    if door and me.y >= w.floor_bottom - (rules.DOOR_DEPTH + 16) * FP and me.x <= (rules.DOOR_X[1] + 16) * FP:
        return Action.UP | Action.RIGHT
    return None
