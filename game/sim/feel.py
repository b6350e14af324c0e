"""The feel report: how a fight plays, measured from the world and its events without touching either.

A :class:`FeelMeter` watches a running world after every step (``observe``) and counts what a
player feels: how long an enemy is out of reach once the beating starts, how long a kill takes,
where the blows a player takes come from, how crowded and how busy the screen is. It only reads
state (it never writes to the world or draws from its random generator), so a measured run ends
in the same ``state_hash`` as an unmeasured one. :func:`combine` merges the meters of many runs
into the ``feel`` object that ``python main.py sim LEVEL --bot --seeds A-B`` prints.

Definitions (ticks are 1/60 s; "in view" means inside the 320 px the camera shows):

- ``unhittable_share``: over every enemy that died, the share of ticks from the first hit it took to
  its death during which it had no hurtbox (falling, lying, getting up, blinking). Being held in a
  grab counts as hittable: the holder is beating it.
- ``kill_seconds_median``: per enemy character, the median seconds from first hit taken to death. A
  named variant with its own look counts apart from its kind (the bathhouse's wooden-leg thug, a
  tougher set-piece man, is ``thug_woodleg``, not ``thug``).
- ``hits_from_behind_share``: of the hits players took, the share whose attacker (or bullet) stood
  behind the player's back as the step began.
- ``first_contact_s``: seconds to the first enemy hit on a player (the earliest over the runs;
  ``first_contact_s_median`` is the median). Runs where no hit landed count as their full length.
- ``respawn_contact_s_min``: seconds from a respawn to the next enemy hit on that player (earliest).
- ``enemies_on_screen_mean`` / ``_peak``: awake living enemies in view while a camera lock is on.
- ``empty_screen_share``: share of all ticks with no living enemy in view.
- ``fight_seconds``: ticks with an awake living enemy in view (the "fight time" the shares below use).
- ``attacks_per_enemy_minute``: attacks enemies start per minute of an awake enemy being in view.
- ``overlap_share``: share of fight time in which two enemies on their feet stand within 12 px
  across and 6 px of depth of each other.
- ``idle_share``: share of fight time in which no character is attacking or holding someone.
"""

from __future__ import annotations

from typing import Any

from game.sim import events as ev
from game.sim.combat import hurtbox
from game.sim.fixed import FP, TICKS_PER_SECOND
from game.sim.scroll import VIEW_W
from game.sim.world import World

OVERLAP_X = 12 * FP
OVERLAP_Y = 6 * FP
#: States in which an enemy is on its feet (for the overlap measure).
STANDING = frozenset({"idle", "walk", "attack", "block", "hurt"})
#: Character states that count as "attacking" for idle_share.
BUSY = frozenset({"attack", "grab"})


def median(values: list[float]) -> float:
    """The median (mean of the middle two for an even count); 0.0 for none."""
    if not values:
        return 0.0
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


class FeelMeter:
    """Counts one run's feel figures; call :meth:`observe` after every ``World.step``."""

    def __init__(self, world: World) -> None:
        self.ticks = 0
        self.first_hit: dict[int, int] = {}         # enemy eid -> tick of its first hit taken
        self.unhittable: dict[int, int] = {}        # enemy eid -> unhittable ticks since then
        self.kills: list[tuple[str, int, int]] = []  # (kind, life ticks, unhittable ticks)
        self.hits_on_players = 0
        self.hits_from_behind = 0
        self.first_contact: int | None = None
        self.respawned_at: dict[int, int] = {}      # player eid -> tick of the respawn
        self.respawn_contacts: list[int] = []
        self.lock_ticks = 0
        self.lock_enemies = 0
        self.lock_peak = 0
        self.empty_ticks = 0
        self.fight_ticks = 0
        self.enemy_view_ticks = 0
        self.enemy_attacks = 0
        self.overlap_ticks = 0
        self.idle_ticks = 0
        self._attack_seen: dict[int, tuple[str, int]] = {}
        self._prev: dict[int, tuple[int, int]] = {}  # eid -> (x, facing) as the last step ended
        self._remember(world)

    def _remember(self, w: World) -> None:
        self._prev = {e.eid: (e.x, e.facing) for e in w.entities}

    def observe(self, w: World) -> None:
        """Count one finished step (its events are ``w.events``)."""
        if w.outro is not None and w.outro.phase != "waiting":
            self._remember(w)
            return      # the level's exit scene is no play: not counted (game/sim/outro.py)
        self.ticks += 1
        tick = w.tick - 1
        by_id = w.by_id
        for e in w.events:
            if e.kind == ev.HIT:
                v = by_id.get(e.target)
                if v is None:
                    continue
                if v.kind == "enemy":
                    self.first_hit.setdefault(v.eid, tick)
                    self.unhittable.setdefault(v.eid, 0)
                elif v.kind == "player":
                    self._player_hit(w, v, e.actor, tick)
            elif e.kind == ev.DEATH:
                v = by_id.get(e.target)
                if v is not None and v.kind == "enemy" and v.eid in self.first_hit:
                    life = tick - self.first_hit.pop(v.eid) + 1
                    self.kills.append((v.char, life, self.unhittable.pop(v.eid, 0)))
            elif e.kind == ev.LIFE_LOST and e.value > 0:
                self.respawned_at[e.actor] = tick
        in_view = 0
        awake_in_view = 0
        lo, hi = w.scroll_x * FP, (w.scroll_x + VIEW_W) * FP
        standing: list[tuple[int, int]] = []
        busy = False
        for e in w.entities:
            k = e.kind
            if k != "enemy" and k != "player":
                continue
            if e.state in BUSY:
                busy = True
            if k != "enemy":
                continue
            if e.alive and e.eid in self.unhittable and hurtbox(w, e) is None and e.state != "grabbed":
                self.unhittable[e.eid] += 1
            if e.state == "attack":
                seen = self._attack_seen.get(e.eid)
                if e.anim_tick == 0 and seen != (e.move, tick - 1):
                    self.enemy_attacks += 1
                if e.anim_tick == 0:
                    self._attack_seen[e.eid] = (e.move, tick)
            if not e.alive or not lo <= e.x <= hi:
                continue
            in_view += 1
            if not e.dormant:
                awake_in_view += 1
                if e.z == 0 and e.state in STANDING:
                    standing.append((e.x, e.y))
        if in_view == 0:
            self.empty_ticks += 1
        if w.lock is not None:
            self.lock_ticks += 1
            self.lock_enemies += awake_in_view
            self.lock_peak = max(self.lock_peak, awake_in_view)
        if awake_in_view:
            self.fight_ticks += 1
            self.enemy_view_ticks += awake_in_view
            if not busy:
                self.idle_ticks += 1
            if _any_overlap(standing):
                self.overlap_ticks += 1
        self._remember(w)

    def _player_hit(self, w: World, p: Any, actor: int, tick: int) -> None:
        a_prev = self._prev.get(actor)
        a = w.by_id.get(actor)
        if a is not None and a.kind == "player":
            return   # a friendly thrown body: not an enemy's blow
        self.hits_on_players += 1
        if self.first_contact is None:
            self.first_contact = tick
        since = self.respawned_at.pop(p.eid, None)
        if since is not None:
            self.respawn_contacts.append(tick - since)
        p_prev = self._prev.get(p.eid)
        if a_prev is None or p_prev is None:
            return
        ax, px, facing = a_prev[0], p_prev[0], p_prev[1]
        if a is not None and a.kind == "projectile":
            behind = (a.vx > 0) == (facing > 0)   # the bullet travels the way the player looks
        else:
            behind = (ax - px) * facing < 0
        if behind:
            self.hits_from_behind += 1


def _any_overlap(pts: list[tuple[int, int]]) -> bool:
    n = len(pts)
    for i in range(n):
        xi, yi = pts[i]
        for j in range(i + 1, n):
            if abs(pts[j][0] - xi) <= OVERLAP_X and abs(pts[j][1] - yi) <= OVERLAP_Y:
                return True
    return False


def _share(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


def combine(meters: list[FeelMeter]) -> dict[str, Any]:
    """The ``feel`` object of a set of runs (see the module docstring for each key)."""
    sec = TICKS_PER_SECOND
    kills = [k for m in meters for k in m.kills]
    by_kind: dict[str, list[float]] = {}
    for kind, life, _ in kills:
        by_kind.setdefault(kind, []).append(life / sec)
    contacts = [(m.first_contact if m.first_contact is not None else m.ticks) / sec for m in meters]
    respawns = [t / sec for m in meters for t in m.respawn_contacts]
    fight = sum(m.fight_ticks for m in meters)
    lock = sum(m.lock_ticks for m in meters)
    hits = sum(m.hits_on_players for m in meters)
    return {
        "unhittable_share": _share(sum(k[2] for k in kills), sum(k[1] for k in kills)),
        "kill_seconds_median": {k: round(median(v), 2) for k, v in sorted(by_kind.items())},
        "kills": {k: len(v) for k, v in sorted(by_kind.items())},
        "hits_on_players": hits,
        "hits_from_behind_share": _share(sum(m.hits_from_behind for m in meters), hits),
        "first_contact_s": round(min(contacts), 2) if contacts else 0.0,
        "first_contact_s_median": round(median(contacts), 2),
        "respawn_contact_s_min": round(min(respawns), 2) if respawns else None,
        "enemies_on_screen_mean": round(sum(m.lock_enemies for m in meters) / lock, 2) if lock else 0.0,
        "enemies_on_screen_peak": max((m.lock_peak for m in meters), default=0),
        "empty_screen_share": _share(sum(m.empty_ticks for m in meters), sum(m.ticks for m in meters)),
        "fight_seconds": round(fight / sec / max(1, len(meters)), 1),
        "attacks_per_enemy_minute": round(sum(m.enemy_attacks for m in meters) * sec * 60
                                          / max(1, sum(m.enemy_view_ticks for m in meters)), 1),
        "overlap_share": _share(sum(m.overlap_ticks for m in meters), fight),
        "idle_share": _share(sum(m.idle_ticks for m in meters), fight),
    }
