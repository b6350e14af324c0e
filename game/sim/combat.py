"""Resolving hits: snapshot the boxes, find overlaps, then apply every hit of the step together.

All hits of a step are found from the boxes as they stood at its start and applied in a fixed order
(by victim id, the heaviest hit deciding the victim's new state), so neither entity order nor update
order can change a result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim import props, scoring, weapons
from game.sim.entities import ENEMY_TEAM, PLAYER_TEAM, VULNERABLE_STATES, Entity
from game.sim.fighter import set_state
from game.sim.fixed import FP
from game.sim.hitboxes import AttackRec, HurtRec, overlaps
from game.sim.moves import Move, load_moveset

if TYPE_CHECKING:
    from game.sim.world import World

THROWN_BOX = (-14 * FP, 14 * FP, 0, 40 * FP)
BULLET_BOX = (-4 * FP, 4 * FP, -3 * FP, 3 * FP)
BLOCK_PUSH = 320          # 1/256 px per tick given to a blocker
BLOCK_RECOIL_STOP = 14    # an attacker whose hit is blocked freezes this long: the blocker's opening
DEATH_TICKS = 70
BOTH_TEAMS = -2           # no character's team: blows from both sides are out


def projectile_move(p: Entity) -> Move:
    """The move that fired a bullet (``p.move`` is ``char/move``)."""
    char, name = p.move.split("/")
    if char == "thrown":
        return weapons.thrown_move(name)   # a thrown bottle or knife (game/sim/weapons.py)
    return load_moveset(char).moves[name]


def hurtbox(w: World, e: Entity) -> HurtRec | None:
    """Where ``e`` can be hit, or None while it cannot (lying, falling, dying, invulnerable)."""
    if e.state not in VULNERABLE_STATES or e.invuln > 0 or not e.alive:
        return None
    ms = w.moveset(e.char)
    box = ms.hurtbox
    if e.move:
        m = ms.moves[e.move]
        if e.anim_tick < m.invuln:
            return None     # a dodge or a desperation move: untouchable for its first frames
        mbox = m.hurtbox_at(e.anim_tick)
        if mbox is not None:
            box = mbox
    x0, x1, z0, z1 = box
    if e.facing < 0:
        x0, x1 = -x1, -x0
    return (e.eid, e.team, e.x + x0, e.x + x1, e.y, e.z + z0, e.z + z1)


def attack_box(w: World, e: Entity) -> AttackRec | None:
    """The box ``e`` hits with right now, or None."""
    lane = 8 * FP
    if e.kind == "prop":
        return props.attack_box(w, e)      # a rolling gurney or wheelchair
    if e.kind == "projectile":
        x0, x1, z0, z1 = BULLET_BOX
        team = e.team
    elif e.state == "thrown":
        x0, x1, z0, z1 = THROWN_BOX
        team = PLAYER_TEAM if e.team == ENEMY_TEAM else ENEMY_TEAM
    elif e.state == "attack" and e.move:
        m = w.moveset(e.char).moves[e.move]
        f = e.anim_tick - m.startup
        if f < 0 or f >= m.active or not m.hitboxes:
            return None
        x0, x1, z0, z1 = m.hitboxes[f]
        team, lane = e.team, m.lane
    else:
        return None
    if e.facing < 0:
        x0, x1 = -x1, -x0
    return (e.eid, team, e.x + x0, e.x + x1, e.y, e.z + z0, e.z + z1, lane)


def snapshot(w: World) -> tuple[list[AttackRec], list[HurtRec]]:
    """Every attack box in the world right now, and every hurtbox one of them could hit (friendly fire
    is off: while only one team swings, the bodies of that team are left out)."""
    attacks: list[AttackRec] = []
    hurts: list[HurtRec] = []
    for e in w.entities:
        if (e.state == "attack" or e.state == "thrown" or e.kind == "projectile") and not e.remove:
            a = attack_box(w, e)
            if a is not None:
                attacks.append(a)
    if not attacks:
        return attacks, hurts   # nothing can be hit this step: skip the hurtboxes
    swinging = attacks[0][1]    # the one team swinging, or BOTH_TEAMS
    for a in attacks:
        if a[1] != swinging:
            swinging = BOTH_TEAMS
            break
    for e in w.entities:
        if (e.kind == "player" or e.kind == "enemy") and not e.remove and e.team != swinging:
            h = hurtbox(w, e)
            if h is not None:
                hurts.append(h)
        elif e.kind == "prop":
            h = props.hurtbox(w, e)
            if h is not None:
                hurts.append(h)
    return attacks, hurts


def resolve(w: World) -> None:
    """Find and apply this step's hits (the first phase of a step)."""
    attacks, hurts = snapshot(w)
    pairs = overlaps(attacks, hurts) if attacks and hurts else []
    by_id = w.by_id
    hits: list[tuple[Entity, Entity, Move | None]] = []
    bullet_victim: dict[int, Entity] = {}
    for aeid, veid in pairs:
        a, v = by_id[aeid], by_id[veid]
        if veid in a.hit_ids:
            continue
        if a.kind == "projectile":
            # A bullet stops at the first body along its path.
            best = bullet_victim.get(aeid)
            if best is None or (v.x - best.x) * (1 if a.vx > 0 else -1) < 0:
                bullet_victim[aeid] = v
            continue
        hits.append((a, v, None if a.state == "thrown" else w.moveset(a.char).moves[a.move]))
    for aeid, v in bullet_victim.items():
        a = by_id[aeid]
        hits.append((a, v, projectile_move(a)))
    # Holding moves hit the held victim directly on their first active tick.
    for e in w.entities:
        if e.state == "attack" and e.grab_eid >= 0 and e.move:
            m = w.moveset(e.char).moves[e.move]
            if (m.grab and e.anim_tick == m.startup and e.grab_eid in by_id
                    and e.grab_eid not in e.hit_ids):
                v = by_id[e.grab_eid]
                if m.name == "throw":
                    throw(w, e, v, m)
                else:
                    hits.append((e, v, m))
    if hits and w.props:
        hits = _hit_props_objects(w, hits)
    if hits:
        apply_hits(w, hits)


def _hit_props_objects(w: World, hits: list[tuple[Entity, Entity, Move | None]]) -> list[
        tuple[Entity, Entity, Move | None]]:
    """Hits on breakables and rolling props go to game/sim/props.py; the rest are returned."""
    rest = []
    for a, v, m in sorted(hits, key=lambda h: (h[1].eid, h[0].eid)):
        if v.kind != "prop":
            rest.append((a, v, m))
            continue
        a.hit_ids.append(v.eid)
        dmg = m.damage if m is not None else a.damage
        if w.held and a.eid in w.held:
            dmg += weapons.bonus(w, a)
        props.hit(w, a, v, dmg)
    return rest


def throw(w: World, holder: Entity, v: Entity, m: Move) -> None:
    """Let go of ``v`` as a flying body that knocks down whoever it meets."""
    holder.grab_eid = -1
    v.grab_eid = -1
    v.state, v.anim, v.anim_tick, v.anim_len, v.move = "thrown", "thrown", 0, 0, ""
    v.vx, v.vz, v.owner, v.damage = holder.facing * m.knockback, m.launch, holder.eid, m.damage
    v.facing = -holder.facing
    v.hit_ids = [holder.eid]
    w.release_token(v)
    w.emit(ev.THROW, x=v.x // FP, y=v.y // FP, z=v.z // FP, actor=holder.eid, target=v.eid, strength=3)


def _direction(a: Entity, v: Entity, m: Move | None = None) -> int:
    if a.kind == "projectile" or a.state == "thrown":
        return 1 if a.vx > 0 else -1
    if a.state == "attack" and not (m is not None and m.hitboxes and m.hitboxes[0][0] < 0):
        return a.facing
    # A blow that reaches behind (a back attack, a desperation burst) sends victims away from the attacker.
    return 1 if v.x >= a.x else -1


def _blocks(v: Entity, direction: int, m: Move | None) -> bool:
    # A guard faces the hit: the blow travels against the blocker's facing. Grabs and bodies can't be blocked.
    return v.state == "block" and direction == -v.facing and m is not None and not m.grab


def apply_hits(w: World, hits: list[tuple[Entity, Entity, Move | None]]) -> None:
    """Apply a step's hits, grouped by victim, the heaviest hit deciding the reaction."""
    hits.sort(key=lambda h: (h[1].eid, h[0].eid))
    i = 0
    while i < len(hits):
        j = i
        while j < len(hits) and hits[j][1].eid == hits[i][1].eid:
            j += 1
        _hit_victim(w, hits[i][1], hits[i:j])
        i = j


def _hit_props(a: Entity, m: Move | None) -> tuple[int, int, int, int, int, int, bool]:
    """(damage, hitstun, hitstop, knockback, launch, strength, knockdown) of a hit."""
    if m is None:  # a thrown body (its landing freezes it again: fighter.land)
        return a.damage, 30, 12, 512, 512, 3, True
    return m.damage, m.hitstun, m.hitstop, m.knockback, m.launch, m.strength, m.knockdown


def _hit_victim(w: World, v: Entity, group: list[tuple[Entity, Entity, Move | None]]) -> None:
    total = 0
    dominant: tuple[int, int, int] | None = None
    chosen: tuple[Entity, Move | None, int] | None = None
    for a, _, m in group:
        a.hit_ids.append(v.eid)
        if a.kind == "projectile":
            a.remove = True
        direction = _direction(a, v, m)
        dmg, _, stop, _, _, strength, _ = _hit_props(a, m)
        px, py, pz = (a.x + v.x) // 2 // FP, v.y // FP, (v.z // FP) + 40
        if _blocks(v, direction, m):
            v.vx = direction * BLOCK_PUSH
            v.hitstop = max(v.hitstop, 4)
            if a.kind != "projectile" and a.state == "attack":
                a.hitstop = max(a.hitstop, BLOCK_RECOIL_STOP)
            w.emit(ev.BLOCK, x=px, y=py, z=pz, actor=a.eid, target=v.eid, strength=strength, tag=v.char,
                   move="bullet" if a.kind == "projectile" else m.name if m else "throw")
            continue
        if w.held and a.eid in w.held:
            dmg += weapons.bonus(w, a)     # a pipe, bottle or knife in hand
        if v.team == PLAYER_TEAM:
            dmg = dmg * w.diff.enemy_damage_pct // 100
        if a.state == "attack":
            a.move_hit = True
            a.hitstop = max(a.hitstop, stop)
        total += dmg
        w.emit(ev.HIT, x=px, y=py, z=pz, actor=a.eid, target=v.eid, value=dmg, strength=strength, tag=v.char,
               move="bullet" if a.kind == "projectile" else m.name if m else "throw")
        scoring.on_hit(w, a, v, dmg)
        rank = (strength, dmg, -a.eid)
        if dominant is None or rank > dominant:
            dominant, chosen = rank, (a, m, direction)
    if chosen is None:
        return
    a, m, direction = chosen
    dmg, hitstun, stop, knockback, launch, strength, knockdown = _hit_props(a, m)
    w.emit(ev.HURT, x=v.x // FP, y=v.y // FP, actor=a.eid, target=v.eid, value=total, tag=v.char)
    if v.slot >= 0:
        w.slots[v.slot].damage_taken += total
    v.hp = max(0, v.hp - total)
    w.last_hit_by_player(a, v)
    held_by_attacker = v.state == "grabbed" and v.grab_eid == a.eid
    if held_by_attacker and m is not None and m.name == "knee" and a.knees < 2 and v.hp > 0:
        # The first two knees keep the victim held; the third sends it down.
        a.knees += 1
        v.hitstop = max(v.hitstop, stop)
        return
    if held_by_attacker:
        a.grab_eid = v.grab_eid = -1
        knockdown = True
    else:
        _let_go(w, v)
    v.move, v.hit_ids, v.hitstop = "", [], max(v.hitstop, stop)
    v.facing = -direction
    if v.hp <= 0:
        kill(w, v, direction, max(knockback, 384), max(launch, 512), a)
        return
    heavy = v.kind == "enemy" and w.enemy_stats(v).heavy
    if heavy and strength < 3:
        # A boss shrugs off light blows: short stun, no knockdown, and he keeps his turn.
        knockdown = False
        hitstun //= 2
    if knockdown or not heavy:
        w.release_token(v)
    if knockdown:
        v.state, v.anim, v.anim_tick, v.anim_len = "knockdown", "knockdown", 0, 0
        v.vx, v.vz, v.z = direction * knockback, launch, max(v.z, 1)
    else:
        v.state, v.anim, v.anim_tick, v.anim_len, v.timer = "hurt", "hurt", 0, 0, hitstun
        v.vx = direction * knockback


def _let_go(w: World, v: Entity) -> None:
    """``v`` was hit: it drops whoever it holds, and is dropped by whoever holds it."""
    if v.grab_eid >= 0:
        other = w.by_id.get(v.grab_eid)
        v.grab_eid = -1
        if other is not None and other.grab_eid == v.eid:
            other.grab_eid = -1
            if other.state == "grabbed":
                set_state(other, "hurt", 12)
            elif other.state in ("grab", "attack"):
                set_state(other, "idle")


def kill(w: World, v: Entity, direction: int, knockback: int, launch: int, by: Entity | None) -> None:
    """``v``'s hp reached zero: it flies back, falls and stays down."""
    v.alive = False
    _let_go(w, v)
    w.release_token(v)
    # A fresh one-shot animation as long as the body stays: nothing of the blow or move it died in
    # carries over, so the renderer times the fall from the first death frame.
    set_state(v, "death", DEATH_TICKS, anim_len=DEATH_TICKS)
    v.move_hit, v.hit_ids = False, []
    v.vx = direction * knockback
    if launch:
        v.vz, v.z = launch, max(v.z, 1)
    w.emit(ev.DEATH, x=v.x // FP, y=v.y // FP, actor=by.eid if by else -1, target=v.eid, tag=v.char)
    if v.kind == "enemy":
        w.enemies_defeated += 1
        scoring.on_defeat(w, by, v)
