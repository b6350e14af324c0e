"""A bot that plays like a person at the controls: it reads the world and returns an input bitmask.

It lines up on the nearest enemy's lane, jabs into combos, knees and throws what it grabs, guards
against swings it sees coming, steps out when surrounded, picks up health when low, shoots the boss,
and otherwise walks to the next wave or the exit.

It finishes what it starts, as a good player does: it goes for the enemy it can finish soonest
(reaching it, waiting for it to get up, beating its health down), keeps to the one it has started on,
and leaves fresh ones for later unless one comes at it while its man is on the floor; it waits beside
a fallen enemy for it to get up, and keeps a chain going on a foe pushed back but still in reach. It
uses every move a player has: it runs (double tap) at an enemy keeping its distance and into a running
attack, rolls out of the lane of a gun being raised (dodge), hits an enemy winding up behind its back
with the back attack, and bursts out with the desperation special when surrounded (three close, or
caught between two in a beating).
"""

from __future__ import annotations

from game.sim.actions import Action
from game.sim.entities import Entity
from game.sim.fighter import getup_ticks, lie_ticks
from game.sim.fixed import FP
from game.sim.routes import line_clear, waypoint
from game.sim.world import World

LANE = 3 * FP
HIT_LANE = 6 * FP         # a punch connects within 8 px of depth: this close is worth swinging from
REACH_NEAR = 10 * FP
REACH_FAR = 26 * FP
WAIT_NEAR = 12 * FP       # waiting for a fallen enemy to get up: no nearer than this (room to swing)
RUN_TO_WAIT = 40 * FP     # a fallen enemy's get-up spot this far off is run to
CHAIN_REACH = 38 * FP     # a punch's box reaches this far to the middle of a body (box end plus half a body)
GUARD_RANGE = 56 * FP
LOW_HP_PCT = 45
REACTION = 8              # ticks before the bot notices an enemy's wind-up
DETOUR_TICKS = 90         # a detour not reached by then is given up
DETOUR_SAME = 16 * FP     # a goal that moved less than this is still the same goal
RUN_ATTACK_REACH = 44 * FP
CHASE_FROM = 48 * FP      # an enemy this far off is run at, into a running attack (waiting ones back off)
BACK_REACH = 30 * FP
FOCUS_RANGE = 160 * FP
DOWN_STATES = ("down", "knockdown", "getup", "death")
GIVE_UP = 360             # ticks the bot spends on reaching one weapon or crate before leaving it
COST_PER_HP = 2           # ticks of beating per point of health (a 27-point chain takes about 45 ticks)
START_COST = 60           # an enemy not yet touched: going for it starts another fight
FOCUS_BONUS = 30          # the one it is beating stays the choice unless another is clearly quicker


class Bot:
    """Plays player ``index``; one instance per player, called once per tick."""

    def __init__(self, index: int = 0) -> None:
        self.index = index
        self.prev = 0
        self.knees = 0
        self.evade = 0
        self.detour: tuple[int, int, int, int, int] | None = None   # (x, y) via, for goal (x, y), until tick
        self.focus = -1           # the enemy it is beating up
        self.queue: list[int] = []   # inputs already decided for the next ticks (double taps)
        self.tried: dict[int, int] = {}   # ticks spent going for a weapon or crate: given up after GIVE_UP

    def decide(self, world: World) -> int:
        """The input bitmask for this tick."""
        bits = self._decide(world)
        self.prev = bits
        return bits

    def _press(self, button: int) -> int:
        # Attacks start on a press, so a held button has to be let go every other tick.
        return 0 if self.prev & button else button

    def _decide(self, w: World) -> int:
        if self.index >= len(w.slots) or w.result is not None:
            return 0
        slot = w.slots[self.index]
        me = w.by_id.get(slot.eid)
        if me is None or not me.alive or slot.out:
            return 0
        if w.outro is not None and w.outro.on:
            self.queue.clear()
            return 0      # the level's exit scene: the bot watches it to the end
        if self.queue:
            return self.queue.pop(0)
        if getattr(w, "chase", None) is not None:   # the bus chase: driving, hazards aboard
            from game.sim.chase import bot as chase_bot

            chase_bits = chase_bot.decide(self, w, me)
            if chase_bits is not None:
                return chase_bits
        if me.state == "grab":
            return self._hold(me)
        if me.grab_eid >= 0:
            return 0      # mid-knee: wait for it rather than buffer another press
        self.knees = 0
        enemies = [e for e in w.entities if e.kind == "enemy" and e.alive and not e.remove]
        burst = self._desperate(w, me, enemies)
        if burst:
            return burst
        roll = self._dodge(w, me, enemies)
        if roll:
            return roll
        back = self._back_attack(w, me, enemies)
        if back:
            return back
        guard = self._threat(w, me, enemies)
        if guard:
            if guard != me.facing and me.state != "block":
                return Action.RIGHT if guard > 0 else Action.LEFT   # turn to face it first
            return Action.PUNCH | Action.KICK
        near = [e for e in enemies
                if abs(e.x - me.x) < 240 * FP and (not e.dormant or abs(e.x - me.x) < 160 * FP)]
        if w.campaign_rules:
            extra = self._campaign(w, me, near)   # hazards, weapons, breakables (issue 11 rules)
            if extra:
                return extra
        # Items left behind the scroll edge are gone for good, as in any brawler.
        behind = w.player_bounds()[0]
        items = [p for p in w.entities if p.kind == "pickup" and p.x >= behind]
        if me.hp * 100 < me.max_hp * LOW_HP_PCT:
            heal = self._nearest(me, [p for p in items if p.tag == "health"])
            if heal is not None and (not near or abs(heal.x - me.x) < 120 * FP):
                return self._walk_to(w, me, heal.x, heal.y)
        ammo = [p for p in items if p.tag == "ammo"]
        if ammo and not near:
            a = self._nearest(me, ammo)
            if a is not None and abs(a.x - me.x) < 200 * FP:
                return self._walk_to(w, me, a.x, a.y)
        if near:
            return self._fight(w, me, slot.ammo, near)
        return self._travel(w, me)

    def _campaign(self, w: World, me: Entity, near: list[Entity]) -> int:
        """Step out of a falling hazard's shadow; pick up, throw and use weapons; break what hides an item."""
        for hz in w.entities:
            rec = w.hazards.get(hz.eid) if hz.kind == "hazard" else None
            reach = (rec.radius + 10) * FP if rec is not None else 0
            if (rec is not None and rec.active and hz.timer <= rec.warning + 6
                    and abs(hz.x - me.x) <= reach and abs(hz.y - me.y) <= reach):
                mid = (w.floor_top + w.floor_bottom) // 2
                away = Action.DOWN if (me.y > hz.y or (me.y == hz.y and me.y < mid)) else Action.UP
                return away | (Action.LEFT if me.x < hz.x else Action.RIGHT)
        if me.state not in ("idle", "walk", "run"):
            return 0
        behind = w.player_bounds()[0]
        held = w.held.get(me.eid)
        if held is None:
            lying = [e for e in w.entities if e.kind == "weapon" and e.x >= behind
                     and abs(e.x - me.x) < (48 if near else 160) * FP and self.tried.get(e.eid, 0) < GIVE_UP]
            wpn = self._nearest(me, lying)
            if wpn is not None:
                self.tried[wpn.eid] = self.tried.get(wpn.eid, 0) + 1
                return self._walk_to(w, me, wpn.x, wpn.y)
        elif near and w.prop_table.weapons[held.kind].throw:
            t = self._nearest(me, [e for e in near if e.state not in DOWN_STATES and not e.dormant])
            if t is not None and abs(t.y - me.y) <= LANE and 48 * FP < abs(t.x - me.x) < 170 * FP:
                side = 1 if t.x > me.x else -1
                if me.facing != side:
                    return Action.RIGHT if side > 0 else Action.LEFT
                return self._press(Action.SPECIAL)
        if near:
            return 0
        crates = [e for e in w.entities if e.kind == "prop" and e.eid in w.props and e.x >= behind
                  and w.props[e.eid].drops != "none" and abs(e.x - me.x) < 200 * FP
                  and self.tried.get(e.eid, 0) < GIVE_UP]
        c = self._nearest(me, crates)
        if c is None:
            return 0
        self.tried[c.eid] = self.tried.get(c.eid, 0) + 1     # one it can't get at is left alone
        side = 1 if c.x > me.x else -1
        gx = c.x - side * 22 * FP
        # a wider band once facing it: turning steps a pixel or two, which must not send him back
        if abs(gx - me.x) > (10 if me.facing == side else 6) * FP or abs(c.y - me.y) > LANE:
            return self._walk_to(w, me, gx, c.y)
        if me.facing != side:
            return Action.RIGHT if side > 0 else Action.LEFT
        return self._press(Action.PUNCH)

    def _hold(self, me: Entity) -> int:
        # Two knees, then throw them behind into whoever is there (or the third knee lands them).
        if self.prev & Action.PUNCH:
            return 0
        self.knees += 1
        if self.knees >= 3:
            back = Action.LEFT if me.facing > 0 else Action.RIGHT
            return Action.PUNCH | back
        return Action.PUNCH

    def _tap_twice(self, direction: int, hold: int = 0) -> int:
        """A double tap of ``direction`` (then held with ``hold``): run or dodge."""
        self.queue = [0, direction]
        return direction if not self.prev & direction else 0

    def _desperate(self, w: World, me: Entity, enemies: list[Entity]) -> int:
        # Surrounded (or caught in a beating) with health to spare: burst out.
        if me.state not in ("idle", "walk", "run", "hurt", "block") or me.hp * 100 < me.max_hp * 30:
            return 0
        close = [e for e in enemies if abs(e.x - me.x) < 40 * FP and abs(e.y - me.y) < 14 * FP
                 and e.state not in DOWN_STATES]
        sides = {1 if e.x > me.x else -1 for e in close}
        healthy = me.hp * 2 > me.max_hp
        if len(close) >= 3 or (len(close) >= 2 and me.state == "hurt" and len(sides) == 2 and healthy):
            if self.prev & (Action.SPECIAL | Action.JUMP):
                return 0
            return Action.SPECIAL | Action.JUMP
        return 0

    def _dodge(self, w: World, me: Entity, enemies: list[Entity]) -> int:
        # A gun being raised in my lane: roll out of it along the depth.
        if me.state not in ("idle", "walk"):
            return 0
        for e in enemies:
            if e.state != "attack" or abs(e.y - me.y) > 8 * FP or (me.x - e.x) * e.facing <= 0:
                continue
            m = w.moveset(e.char).moves[e.move]
            lunge = m.advance >= 256 or m.projectile is not None     # a gun or a charge coming down my lane
            if lunge and REACTION <= e.anim_tick < m.startup and abs(e.x - me.x) > 40 * FP:
                mid = (w.floor_top + w.floor_bottom) // 2
                return self._tap_twice(Action.DOWN if me.y < mid else Action.UP)
        return 0

    def _back_attack(self, w: World, me: Entity, enemies: list[Entity]) -> int:
        # Someone at my back, close and in my lane: hit behind without turning (before their blow lands).
        if me.state not in ("idle", "walk") or self.prev & (Action.PUNCH | Action.JUMP):
            return 0
        mine = w.moveset(me.char).moves["back_attack"]
        for e in enemies:
            behind = (e.x - me.x) * me.facing < 0
            if not behind or abs(e.x - me.x) > BACK_REACH or abs(e.y - me.y) > 6 * FP or e.hitstop:
                continue
            if e.state == "attack":
                m = w.moveset(e.char).moves[e.move]
                if m.startup - e.anim_tick > mine.startup + 1:   # mine lands first
                    return Action.PUNCH | Action.JUMP
            elif e.state in ("idle", "walk") and e.invuln == 0:
                return Action.PUNCH | Action.JUMP
        return 0

    def _threat(self, w: World, me: Entity, enemies: list[Entity]) -> int:
        """The side (+1/-1) of a swing worth guarding against, 0 for none."""
        if me.state not in ("idle", "walk", "block") and not (me.state == "attack" and me.move == "punch1"):
            return 0
        for e in enemies:
            if e.state != "attack" or abs(e.x - me.x) > GUARD_RANGE or abs(e.y - me.y) > 10 * FP:
                continue
            if (me.x - e.x) * e.facing <= 0:
                continue
            m = w.moveset(e.char).moves[e.move]
            # Like a person, it needs a moment to see a swing coming: only slow wind-ups get guarded.
            if REACTION <= e.anim_tick < m.startup + m.active and m.projectile is None:
                return 1 if e.x > me.x else -1
        return 0

    @staticmethod
    def _nearest(me: Entity, items: list[Entity]) -> Entity | None:
        best, bd = None, 0
        for it in items:
            d = abs(it.x - me.x) + 3 * abs(it.y - me.y)
            if best is None or d < bd or (d == bd and it.eid < best.eid):
                best, bd = it, d
        return best

    def _fight(self, w: World, me: Entity, ammo: int, enemies: list[Entity]) -> int:
        if self.evade > 0:
            self.evade -= 1
            mid = (w.floor_top + w.floor_bottom) // 2
            return Action.DOWN if me.y < mid else Action.UP
        left = sum(1 for e in enemies if 0 < me.x - e.x < 40 * FP and abs(e.y - me.y) < 12 * FP)
        right = sum(1 for e in enemies if 0 < e.x - me.x < 40 * FP and abs(e.y - me.y) < 12 * FP)
        if left and right and me.state in ("idle", "walk") and left + right >= 3:
            self.evade = 20
        if (me.state == "attack" and me.move in ("punch1", "punch2") and me.move_hit
                and self._in_chain_reach(w, me, enemies)):
            return self._press(Action.PUNCH)   # the chain connects: keep it going (a foe pushed back too)
        t = self._target(w, me, enemies)
        if t is None:
            return 0
        dx, dy = t.x - me.x, t.y - me.y
        if t.state in DOWN_STATES:
            # Wait beside it, in its lane and facing it, for it to get up (running there when it was
            # thrown far): anywhere in punching distance will do, and the punch comes as it stands.
            side = 1 if dx > 0 else -1
            gx = t.x - side * 18 * FP
            ready = WAIT_NEAR <= abs(dx) <= REACH_FAR and abs(dy) <= HIT_LANE
            if ready:
                bits = (Action.DOWN if dy > 0 else Action.UP) if abs(dy) > LANE else 0
            elif (abs(gx - me.x) > RUN_TO_WAIT and abs(dy) < 24 * FP and me.state in ("idle", "walk")
                  and line_clear(w, me.x, me.y, gx, t.y)):
                return self._tap_twice(Action.RIGHT if gx > me.x else Action.LEFT)
            else:
                bits = self._walk_to(w, me, gx, t.y)
            if not bits and me.facing != side:
                bits = Action.RIGHT if side > 0 else Action.LEFT
            if ready and me.facing == side and t.state == "getup" and t.timer <= 3:
                return self._press(Action.PUNCH)
            return bits
        if me.state == "run":
            if abs(dx) <= RUN_ATTACK_REACH and abs(dy) <= HIT_LANE:
                self.focus = t.eid
                return self._press(Action.PUNCH) | (Action.RIGHT if me.facing > 0 else Action.LEFT)
            if (dx > 0) == (me.facing > 0) and abs(dx) > RUN_ATTACK_REACH:
                bits = Action.RIGHT if me.facing > 0 else Action.LEFT
                if abs(dy) > LANE:
                    bits |= Action.DOWN if dy > 0 else Action.UP
                return bits
        boss = w.enemy_stats(t).boss
        if (abs(dx) > CHASE_FROM and abs(dy) < 24 * FP and me.state in ("idle", "walk")
                and not (boss and ammo > 0) and line_clear(w, me.x, me.y, t.x, t.y)):
            return self._tap_twice(Action.RIGHT if dx > 0 else Action.LEFT)
        side = 1 if dx > 0 else -1
        if boss and ammo > 0 and abs(dy) <= LANE and abs(dx) > 48 * FP:
            if me.facing != side:
                return Action.RIGHT if side > 0 else Action.LEFT
            return self._press(Action.SPECIAL)
        if not line_clear(w, me.x, me.y, t.x, t.y):
            return self._walk_to(w, me, t.x, t.y)
        bits = 0
        if abs(dy) > LANE:
            bits |= Action.DOWN if dy > 0 else Action.UP
        if abs(dx) > REACH_FAR:
            bits |= Action.RIGHT if dx > 0 else Action.LEFT
        elif abs(dx) < REACH_NEAR and (me.facing != side or abs(dx) < 3 * FP):
            # On top of it: turn to face it, or step back if there is no room to swing.
            bits |= (Action.RIGHT if side > 0 else Action.LEFT) if me.facing != side and abs(dx) >= 3 * FP \
                else (Action.LEFT if dx > 0 else Action.RIGHT)
        elif me.facing != side:
            bits |= Action.RIGHT if side > 0 else Action.LEFT
        elif (t.state == "hurt" and me.state in ("idle", "walk") and me.facing == side and abs(dy) <= LANE
              and not w.enemy_stats(t).heavy and (w.tick // 90) % 3 == 0):
            # Now and then step into a stunned enemy to grab it instead of finishing the chain.
            return Action.RIGHT if side > 0 else Action.LEFT
        elif abs(dy) <= HIT_LANE and t.state not in DOWN_STATES:
            use_kick = w.enemy_stats(t).heavy and me.state != "attack" and w.tick % 3 == 0
            self.focus = t.eid
            return self._press(Action.KICK if use_kick else Action.PUNCH)
        return bits

    @staticmethod
    def _in_chain_reach(w: World, me: Entity, enemies: list[Entity]) -> bool:
        """Someone hittable stands where the next punch of the chain will land."""
        for e in enemies:
            dx = (e.x - me.x) * me.facing
            if (0 < dx <= CHAIN_REACH and abs(e.y - me.y) <= HIT_LANE and e.state not in DOWN_STATES
                    and e.invuln == 0):
                return True
        return False

    def _cost(self, w: World, me: Entity, e: Entity) -> int:
        """About how many ticks finishing ``e`` would take from here: reaching it, waiting for it to be
        hittable again, beating its health down; one not yet touched costs a start-up on top."""
        speed = w.player_stats(me)
        travel = (max(0, abs(e.x - me.x) - 24 * FP) // max(1, speed.walk)
                  + abs(e.y - me.y) // max(1, speed.depth))
        wait = 0
        if e.state == "knockdown":
            wait = 14 + lie_ticks(w, e) + getup_ticks(w, e)
        elif e.state == "down":
            wait = e.timer + getup_ticks(w, e)
        elif e.state == "getup":
            wait = e.timer
        cost = max(travel, wait) + e.hp * COST_PER_HP
        if e.hp >= e.max_hp:
            cost += START_COST
        if e.eid == self.focus:
            cost -= FOCUS_BONUS
        return cost

    def _target(self, w: World, me: Entity, enemies: list[Entity]) -> Entity | None:
        """The enemy to go for: the one it can finish soonest (see _cost), keeping to the one it has started
        on; someone right on top of it while that one lies on the floor is dealt with first."""
        cands = [e for e in enemies if abs(e.x - me.x) < FOCUS_RANGE and not e.dormant]
        if not cands:
            standing = [e for e in enemies if e.state not in DOWN_STATES]
            return self._nearest(me, standing or enemies)
        best = min(cands, key=lambda e: (self._cost(w, me, e), e.eid))
        if best.state in DOWN_STATES:
            # only one coming for him (walking in to strike, or striking): the others just stand around
            close = [e for e in cands if e.state not in DOWN_STATES and (e.token or e.state == "attack")
                     and abs(e.x - me.x) <= 36 * FP and abs(e.y - me.y) <= 12 * FP]
            n = self._nearest(me, close)
            if n is not None:
                return n
        return best

    def _walk_to(self, w: World, me: Entity, x: int, y: int) -> int:
        # Round benches and pools by the floor's own route, then straight at the goal. A detour is
        # followed to its tile before the straight line is tried again: grazing a column base's corner
        # would otherwise flip between the two every tick.
        d = self.detour
        if (d is not None and w.tick <= d[4] and abs(d[2] - x) <= DETOUR_SAME and abs(d[3] - y) <= DETOUR_SAME
                and (abs(d[0] - me.x) > 2 * FP or abs(d[1] - me.y) > 2 * FP)):
            x, y = d[0], d[1]
        else:
            wx, wy = waypoint(w, me.x, me.y, x, y)
            self.detour = (wx, wy, x, y, w.tick + DETOUR_TICKS) if (wx, wy) != (x, y) else None
            x, y = wx, wy
        bits = 0
        if abs(y - me.y) > 2 * FP:
            bits |= Action.DOWN if y > me.y else Action.UP
        if abs(x - me.x) > 2 * FP:
            bits |= Action.RIGHT if x > me.x else Action.LEFT
        return bits

    def _travel(self, w: World, me: Entity) -> int:
        if w.lock is not None:
            lo, hi = w.lock
            return self._walk_to(w, me, (lo + hi) // 2 * FP, (w.floor_top + w.floor_bottom) // 2)
        pending = [z for z in w.level.waves if w.wave_status.get(z.number) == "pending"]
        if pending:
            z = min(pending, key=lambda z: (abs(z.rect.x + z.rect.w // 2 - me.x // FP), z.obj_id))
            return self._walk_to(w, me, (z.rect.x + z.rect.w // 2) * FP, (z.rect.y + z.rect.h // 2) * FP)
        if w.level.exits:
            r = min(w.level.exits, key=lambda r: abs(r.x - me.x // FP))
            return self._walk_to(w, me, (r.x + r.w // 2) * FP, (r.y + r.h // 2) * FP)
        return 0
