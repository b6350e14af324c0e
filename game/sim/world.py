"""The world: all state of a running level, advanced one 60 Hz tick at a time by :meth:`World.step`.

A step runs these phases in order, each over every entity:
1. hits: every hit is found from the boxes as they stood at the start of the step and applied together;
2. aging: timers, move frames (and shots leaving the gun);
3. decisions: players' inputs, then the enemies' AI;
4. motion: walking, lunges, flight, sliding collision, landing; bullets fly;
5. flow: waves, pickups, lives, exit, time limit;
6. scroll: the view's left edge follows the players forward (a wall behind them, see ``scroll.py``).
Entities created or removed during a step join or leave the world at its end.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from game.sim import ai, boss, combat, controls, doors, fighter, flow, hazards, props, scroll, weapons
from game.sim import chase as chase_rules
from game.sim import events as ev
from game.sim import outro as outro_rules
from game.sim.combo import Combo
from game.sim.entities import PLAYER_TEAM, Entity, PlayerSlot
from game.sim.events import Event
from game.sim.fixed import FP
from game.sim.level import EnemySpawn, LevelDesc
from game.sim.moves import Move, MoveSet, load_moveset
from game.sim.stats import (
    EnemyStats,
    PlayerStats,
    difficulty_table,
    enemy_stats,
    pickup_table,
    player_stats,
    rules,
    start_ammo,
)

DIFFICULTIES = ("easy", "normal", "hard")
RESULTS = ("cleared", "died", "timeout")
PLAYER_NAMES = ("danko", "ridzik")


class World:
    """A running level: same level, seed, difficulty and inputs give the same :meth:`state_hash`."""

    def __init__(self, level: LevelDesc, seed: int = 0, difficulty: str = "normal", players: int = 1) -> None:
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        if players not in (1, 2):
            raise ValueError("players must be 1 or 2")
        self.level = level
        self.seed = seed
        self.difficulty = difficulty
        self.players = 0
        self.tick = 0
        self.result: str | None = None
        self.rng = np.random.Generator(np.random.PCG64(seed))
        self.entities: list[Entity] = []
        self.by_id: dict[int, Entity] = {}
        self.born: list[Entity] = []
        self.slots: list[PlayerSlot] = []
        self.combos: list[Combo] = []   # one per player, by slot index (see game/sim/combo.py)
        self.events: list[Event] = []
        self.enemies_defeated = 0
        self.last_hit_enemy: int | None = None
        self.lock: tuple[int, int] | None = None
        self.lock_wave = -1
        self.scroll_x = 0           # left edge of the view (whole px): only ever increases
        self._bounds_key: tuple[int, tuple[int, int] | None] | None = None
        self._bounds = (0, 0)
        self.go_arrow = 0
        self.token_cooldown = 0
        self.route_fields: dict[tuple[int, int], list[int]] = {}   # a cache derived from the level
        self.route_prefix: list[list[int]] = []
        self.ai_enabled = True      # False: enemies stand still (rule tests, training)
        self.wave_status: dict[int, str] = {}
        self.bonus_taken = False    # a player took the level's bonus token: a bonus game follows the level
        self._next_id = 1
        self._building = True
        # Rule tables (validated on first load) and level geometry as plain Python for speed.
        self.diff = difficulty_table()[difficulty]
        self.rules = rules()
        self.pickup_table = pickup_table()
        self.enemy_stats_by_kind: dict[str, EnemyStats] = enemy_stats()
        self._player_stats = player_stats()
        self._movesets: dict[str, MoveSet] = {}
        self.boss_kinds = boss.boss_table()          # phases, telegraphs, flee (game/sim/boss.py)
        self.bosses: dict[int, boss.BossRec] = {}    # only bosses carry one, by entity id
        self.prop_table = props.table()              # breakables, rolling props, weapons, hazards
        self.props: dict[int, props.PropRec] = {}    # breakables and rolling props, by entity id
        self.held: dict[int, weapons.HeldRec] = {}   # weapons in hand, by holder's entity id
        self.hazards: dict[int, hazards.HazardRec] = {}
        self.door_queue: list[tuple[int, int, Entity]] = []   # (tick due, door id, enemy): behind a door
        self.trickle: dict[int, tuple[int, list[EnemySpawn]]] = {}   # wave -> (tick due, held back by keep)
        self.campaign_rules = bool(level.breakables or level.props or level.hazards or level.doors
                                   or any(p.kind in self.prop_table.weapons for p in level.pickups))
        self.solid_rows: list[list[bool]] = np.asarray(level.solid, dtype=bool).tolist()
        self.tile = level.tile_size
        self.cols, self.rows = level.cols, level.rows
        self.px_width, self.px_height = level.pixel_width, level.pixel_height
        walk_rows = [r for r in range(level.rows) if not all(self.solid_rows[r])]
        self.floor_top = (min(walk_rows) * self.tile + 2) * FP if walk_rows else 0
        self.floor_bottom = ((max(walk_rows) + 1) * self.tile - 2) * FP if walk_rows else 0
        self._ammo = start_ammo(level.name, level.properties)
        self.chase: chase_rules.ChaseState | None = None    # mode chase only (game/sim/chase/)
        self.outro = outro_rules.create(level)    # the level's exit scene, if any (game/sim/outro.py)
        for _ in range(players):
            self._add_player()
        if level.mode == "chase":
            chase_rules.start(self)
        else:
            scroll.start(self)
            flow.start(self)
            if self.campaign_rules:
                props.start(self)
                weapons.start(self)
                hazards.start(self)
                doors.start(self)
        self._building = False

    # -- lookups used by the rule modules -----------------------------------------------
    def moveset(self, char: str) -> MoveSet:
        """Moves of a sprite sheet name (cached per world)."""
        ms = self._movesets.get(char)
        if ms is None:
            ms = self._movesets[char] = load_moveset(char)
        return ms

    def enemy_stats(self, e: Entity) -> EnemyStats:
        """Stats of an enemy entity."""
        return self.enemy_stats_by_kind[e.tag]

    def player_stats(self, e: Entity) -> PlayerStats:
        """Stats of a player entity (Danko in the bathhouse is still Danko)."""
        return self._player_stats[PLAYER_NAMES[e.slot]]

    def player_entities(self) -> list[Entity]:
        """The player characters, in slot order."""
        return [self.by_id[s.eid] for s in self.slots]

    def player_bounds(self) -> tuple[int, int]:
        """Where players may walk (1/256 px): inside the view (scroll edge), the camera lock and the level."""
        key = (self.scroll_x, self.lock)
        if key != self._bounds_key:     # asked for every walking body: worked out once per change
            self._bounds_key, self._bounds = key, scroll.bounds(self)
        return self._bounds

    # -- entity bookkeeping ---------------------------------------------------------------
    def spawn(self, kind: str, x: int, y: int) -> Entity:
        """Create an entity at a 1/256 px position; it joins the world at the end of the step."""
        e = Entity(eid=self._next_id, kind=kind, x=x, y=y)
        self._next_id += 1
        if self._building:
            self.entities.append(e)
            self.by_id[e.eid] = e
        else:
            self.born.append(e)
        return e

    def _add_player(self) -> Entity:
        i = len(self.slots)
        name = PLAYER_NAMES[i]
        sx, sy = self.level.player_start
        x, y = sx * FP, sy * FP
        if i == 1:
            lead = self.by_id[self.slots[0].eid]
            x, y = lead.x + 24 * FP, lead.y + 8 * FP
            if fighter.blocked(self, x, y):
                x, y = lead.x - 24 * FP, lead.y
            if fighter.blocked(self, x, y):
                x, y = lead.x, lead.y
            if not self._building:
                # Joining mid-level: in view, beside the lead where the floor allows.
                x = scroll.clamp_x(self, x)
                if fighter.blocked(self, x, y):
                    x, y = lead.x, lead.y
        e = Entity(eid=self._next_id, kind="player", x=x, y=y)
        self._next_id += 1
        self.entities.append(e)
        self.by_id[e.eid] = e
        st = self._player_stats[name]
        e.char = "danko_bath" if name == "danko" and self.level.properties.get("outfit") == "bath" else name
        e.team, e.hp, e.max_hp, e.slot = PLAYER_TEAM, st.hp, st.hp, i
        self.slots.append(PlayerSlot(index=i, name=name, eid=e.eid, lives=self.diff.lives, ammo=self._ammo,
                                     next_life_at=self.rules["extra_life_every"],
                                     grace=self.rules["grace_ticks"]))
        self.combos.append(Combo())
        self.players = len(self.slots)
        return e

    def place_player(self, index: int, x: int, y: int, facing: int) -> bool:
        """Put player ``index`` at (x, y) in 1/256 px if that is floor, and bring the view to them.

        Used when a level is reloaded while a designer plays it: they stay where they stood.
        """
        e = self.by_id.get(self.slots[index].eid) if index < len(self.slots) else None
        if e is None or self.level.is_solid_px(x // FP, y // FP):
            return False
        e.x, e.y, e.facing = x, y, facing
        scroll.start(self)
        return True

    def join_player(self) -> int:
        """Player 2 (Ridzik) joins beside player 1; returns the new slot index."""
        if len(self.slots) >= 2:
            raise ValueError("both players are already in")
        e = self._add_player()
        self.emit(ev.PLAYER_JOIN, x=e.x // FP, y=e.y // FP, actor=e.eid, value=e.slot, tag=e.char)
        return e.slot

    def emit(self, kind: str, **data: int | str) -> None:
        """Record an event for presentation."""
        self.events.append(Event(kind, self.tick, **data))  # type: ignore[arg-type]

    def fire(self, e: Entity, m: Move) -> None:
        """A shooting move's first active tick: the bullet leaves the muzzle."""
        p = m.projectile
        assert p is not None
        b = self.spawn("projectile", e.x + e.facing * p.muzzle_x, e.y)
        b.z, b.vx, b.facing = e.z + p.muzzle_z, e.facing * p.speed, e.facing
        b.team, b.owner, b.ttl = e.team, e.eid, p.ttl
        b.char = b.tag = b.anim = "bullet"
        b.move = f"{e.char}/{m.name}"
        b.damage = m.damage
        if p.sprite:    # a thrown bottle or snowball (a thrower's move): flies like a bullet, blockable
            b.char, b.anim = p.sprite, "spin"
            self.emit(ev.WEAPON_THROW, x=b.x // FP, y=b.y // FP, z=b.z // FP, actor=e.eid, tag=p.sprite)
            return
        self.emit(ev.SHOT, x=b.x // FP, y=b.y // FP, z=b.z // FP, actor=e.eid,
                  tag="player" if e.kind == "player" else e.char)

    def release_token(self, e: Entity) -> None:
        """``e`` gives up its attack token (hit, done, or out of chances)."""
        if e.token:
            e.token = False
            e.ai = "wait"

    def after_enemy_attack(self, e: Entity) -> None:
        """Called when an enemy's attack ends."""
        ai.after_attack(self, e)

    def last_hit_by_player(self, a: Entity, v: Entity) -> None:
        """Remember the enemy a player last hit, for the HUD's enemy bar."""
        if v.kind == "enemy" and (a.slot >= 0 or a.owner >= 0):
            self.last_hit_enemy = v.eid

    # -- the tick ---------------------------------------------------------------------
    def step(self, inputs: list[int] | tuple[int, ...]) -> list[Event]:
        """Advance one tick with one input bitmask per player; returns this tick's events."""
        self.events = []
        if self.result is None and self.chase is not None and chase_rules.driving(self):
            chase_rules.drive(self, inputs)     # driving: no fighter systems run
            self._commit()
        elif self.result is None:
            ents = self.entities
            combat.resolve(self)
            for e in ents:
                if e.kind == "player" or e.kind == "enemy":
                    fighter.age(self, e)
            if self.outro is not None and self.outro.on:
                inputs = outro_rules.controls(self, inputs)   # the exit scene: the controls only skip it
            for slot in self.slots:
                bits = int(inputs[slot.index]) if slot.index < len(inputs) else 0
                controls.control(self, self.by_id[slot.eid], slot, bits)
                slot.prev_input = bits
            if self.ai_enabled and not (self.outro is not None and self.outro.phase != "waiting"):
                ai.think(self)
            if self.bosses:
                boss.update(self)
            for e in ents:
                if e.kind == "projectile":
                    self._fly(e)
                elif e.kind == "player" or e.kind == "enemy":
                    fighter.physics(self, e)
            if self.campaign_rules:
                props.update(self)
                weapons.update(self)
                hazards.update(self)
                doors.update(self)
            flow.update(self)
            if self.outro is not None:
                outro_rules.update(self)
            scroll.advance(self)
            if self.chase is not None:
                chase_rules.aboard(self)        # the moving bus or the wreck: hazards, boarders, phases
            self._commit()
        self.tick += 1
        return self.events

    def _fly(self, b: Entity) -> None:
        if b.remove:
            return
        b.x += b.vx
        b.ttl -= 1
        if fighter.blocked(self, b.x, b.y) or b.ttl <= 0:
            b.remove = True
            if b.ttl > 0:
                self.emit(ev.RICOCHET, x=b.x // FP, y=b.y // FP, z=b.z // FP, actor=b.owner)

    def _commit(self) -> None:
        if self.born:
            self.entities.extend(self.born)
            for e in self.born:
                self.by_id[e.eid] = e
            self.born = []
        for e in self.entities:     # a plain loop: any() over a generator costs more, every tick
            if e.remove:
                break
        else:
            return      # nobody leaves this step
        gone = [e for e in self.entities if e.remove]
        self.entities = [e for e in self.entities if not e.remove]
        for e in gone:
            del self.by_id[e.eid]
            if self.last_hit_enemy == e.eid:
                self.last_hit_enemy = None

    # -- for presentation -------------------------------------------------------------
    @property
    def camera_lock(self) -> tuple[int, int] | None:
        """Pixel x range the camera must stay within while a locked wave is on."""
        return self.lock

    @property
    def time_left_ticks(self) -> int | None:
        """Ticks left before the time limit, None when the level has none."""
        limit = flow.time_limit_ticks(self)
        return max(0, limit - flow.clock_ticks(self)) if limit else None

    def progress(self) -> float:
        """0..1: how near the exit the furthest player is (for the HUD logo)."""
        if not self.level.exits:
            return 0.0
        goal = min(r.x for r in self.level.exits)
        start = self.level.player_start[0]
        far = max((p.x // FP for p in self.player_entities()), default=start)
        if goal <= start:
            return 1.0
        return min(1.0, max(0.0, (far - start) / (goal - start)))

    @property
    def score(self) -> int:
        """Total score of all players."""
        return sum(s.score for s in self.slots)

    # -- summaries ----------------------------------------------------------------------
    def state_hash(self) -> str:
        """A stable hex digest of everything that affects the future of the world (ints and strings only)."""
        h = hashlib.blake2b(digest_size=8)
        flow_state = (self.tick, self.result, self.players, self.difficulty, self.seed, self.enemies_defeated,
                      self.last_hit_enemy, self.lock, self.lock_wave, self.scroll_x, self.go_arrow,
                      self.token_cooldown,
                      self.ai_enabled,
                      sorted(self.wave_status.items()), self._next_id)
        h.update(repr(flow_state).encode())
        h.update(repr(self.rng.bit_generator.state).encode())
        if self.bonus_taken:        # hashed only once taken, so recordings without a token keep their hashes
            h.update(b"bonus_taken")
        for e in sorted(self.entities, key=lambda e: e.eid):
            h.update(repr(e.key()).encode())
        for s in self.slots:
            h.update(repr(s.key()).encode())
        for c in self.combos:
            h.update(repr(c.key()).encode())
        if self.chase is not None:
            h.update(repr(self.chase.key()).encode())
        if self.outro is not None:      # hashed only in levels with an exit scene (old hashes hold)
            h.update(repr(self.outro.key()).encode())
        for due, deid, e in self.door_queue:
            h.update(repr((due, deid, e.key())).encode())
        for number in sorted(self.trickle):   # only hashed when a wave holds enemies back (old hashes hold)
            due, rest = self.trickle[number]
            h.update(repr((number, due, [s.obj_id for s in rest])).encode())
        for recs in (self.bosses, self.props, self.held, self.hazards):
            for eid in sorted(recs):        # campaign records: only hashed when present (old hashes hold)
                h.update(repr(recs[eid].key()).encode())
        return h.hexdigest()

    def summary(self) -> dict[str, Any]:
        """The result record printed by ``main.py sim``."""
        hp = [self.by_id[s.eid].hp for s in self.slots]
        return {
            "level": self.level.name,
            "result": self.result or "timeout",
            "ticks": self.tick,
            "score": self.score,
            "player_hp": hp[0],
            "players_hp": hp,
            "lives": [s.lives for s in self.slots],
            "lives_lost": sum(s.lives_lost for s in self.slots),
            "damage_taken": sum(s.damage_taken for s in self.slots),
            "enemies_defeated": self.enemies_defeated,
            "ammo": [s.ammo for s in self.slots],
            "state_hash": self.state_hash(),
            **({"phase": self.chase.phase} if self.chase is not None else {}),
        }
