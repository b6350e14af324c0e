"""Entities (characters, pickups, projectiles) and per-player slots: plain ints and strings only."""

from __future__ import annotations

from dataclasses import dataclass, field

PLAYER_TEAM = 0
ENEMY_TEAM = 1

#: States in which a character can be hit (everything else is invulnerable: lying, falling, dying...).
VULNERABLE_STATES = frozenset({"idle", "walk", "run", "jump", "attack", "hurt", "block", "grab"})


@dataclass(slots=True, eq=False)
class Entity:
    """A character, pickup or projectile. Positions and speeds are in 1/256 px; timers in ticks."""

    eid: int
    kind: str                 # "player", "enemy", "pickup", "projectile"
    x: int
    y: int
    z: int = 0
    vx: int = 0
    vy: int = 0
    vz: int = 0
    facing: int = 1           # +1 right, -1 left
    hp: int = 0
    max_hp: int = 0
    alive: bool = True
    char: str = ""            # sprite sheet / move file name
    tag: str = ""             # pickup kind or "bullet"
    team: int = -1
    state: str = "idle"       # the rule state (see fighter.py)
    anim: str = "idle"        # the animation tag the renderer shows
    anim_tick: int = 0
    anim_len: int = 0         # total ticks of a move animation, 0 = looping
    move: str = ""            # current attack, "" when none
    move_hit: bool = False    # the current attack has connected
    hit_ids: list[int] = field(default_factory=list)   # victims of the current attack (no double hits)
    timer: int = 0            # ticks left in hurt / down / getup / death / grab
    hitstop: int = 0          # frozen while > 0
    invuln: int = 0           # cannot be hit while > 0
    air_attacked: bool = False
    combo: int = 0            # punch chain stage for players
    combo_timer: int = 0      # ticks left to continue the chain
    buffer: str = ""          # attack pressed too early, started as soon as allowed
    buffer_timer: int = 0
    grab_eid: int = -1        # who I hold / who holds me
    knees: int = 0
    owner: int = -1           # projectiles and thrown bodies: whose hit it is
    damage: int = 0           # projectile / thrown body damage
    ttl: int = 0
    amount: int = 0           # pickups
    slot: int = -1            # player index
    wave: int = 0             # enemy: the wave that spawned it
    ai: str = "idle"          # enemy AI mode
    ai_timer: int = 0
    ai_side: int = 1
    ai_slot: int = 0          # enemy: its place among the waiting crowd on its side
    ai_target: int = -1
    token: bool = False
    pattern: int = 0
    dormant: bool = False     # wave-0 enemies wait until a player comes near
    remove: bool = False

    def key(self) -> tuple[int | str | bool, ...]:
        """Every field that matters for the future, for the state hash."""
        return (self.eid, self.kind, self.x, self.y, self.z, self.vx, self.vy, self.vz, self.facing,
                self.hp, self.max_hp, self.alive, self.char, self.tag, self.team, self.state, self.anim,
                self.anim_tick, self.anim_len, self.move, self.move_hit, tuple(self.hit_ids), self.timer,
                self.hitstop, self.invuln, self.air_attacked, self.combo, self.combo_timer, self.buffer,
                self.buffer_timer, self.grab_eid, self.knees, self.owner, self.damage, self.ttl, self.amount,
                self.slot, self.wave, self.ai, self.ai_timer, self.ai_side, self.ai_slot, self.ai_target,
                self.token, self.pattern, self.dormant, self.remove)

    @property
    def is_character(self) -> bool:
        """Players and enemies (not pickups or bullets)."""
        return self.kind == "player" or self.kind == "enemy"


@dataclass(slots=True)
class PlayerSlot:
    """Per-player bookkeeping that outlives the character entity."""

    index: int
    name: str
    eid: int
    lives: int = 3
    score: int = 0
    ammo: int = 0
    prev_input: int = 0
    damage_taken: int = 0
    keys: int = 0
    next_life_at: int = 0
    out: bool = False         # no lives left
    lives_lost: int = 0
    last_dx: int = 0          # the horizontal direction pressed last (wins while both are held)
    last_dy: int = 0
    tap_dir: int = 0          # the direction tapped last (1 right, -1 left, 2 down, -2 up), for double taps
    tap_tick: int = -1000     # ...and when
    grace: int = 0            # ticks left in which no enemy may take a turn against this player

    def key(self) -> tuple[int | str | bool, ...]:
        """Fields for the state hash."""
        return (self.index, self.name, self.eid, self.lives, self.score, self.ammo, self.prev_input,
                self.damage_taken, self.keys, self.next_life_at, self.out,
                self.lives_lost, self.last_dx, self.last_dy, self.tap_dir, self.tap_tick, self.grace)
