"""Hit detection: which attack boxes overlap which hurtboxes, from one snapshot of the world.

Two versions of the same test: :func:`overlaps_numpy` (a sort-and-sweep broad phase along x, then a
vectorised narrow phase) and :func:`overlaps_python` (the plain per-object loop it is measured against).
Both return the same sorted list of ``(attacker_eid, victim_eid)`` pairs, so the result never depends
on the order entities happen to be stored in.

Attack records are ``(eid, team, x0, x1, y, z0, z1, lane)``; hurt records ``(eid, team, x0, x1, y, z0, z1)``,
all in 1/256 px. A pair overlaps when the boxes overlap in x and z, the depth lanes are within ``lane``
and the teams differ (friendly fire is off).
"""

from __future__ import annotations

import numpy as np

AttackRec = tuple[int, int, int, int, int, int, int, int]
HurtRec = tuple[int, int, int, int, int, int, int]

#: Below this many candidate pairs the plain loop is cheaper than setting up numpy arrays.
NUMPY_MIN_PAIRS = 400


def overlaps_python(attacks: list[AttackRec], hurts: list[HurtRec]) -> list[tuple[int, int]]:
    """The per-object reference version."""
    out = []
    for aeid, ateam, ax0, ax1, ay, az0, az1, lane in attacks:
        for heid, hteam, hx0, hx1, hy, hz0, hz1 in hurts:
            if (ateam != hteam and aeid != heid and ax0 < hx1 and hx0 < ax1 and az0 < hz1 and hz0 < az1
                    and -lane <= ay - hy <= lane):
                out.append((aeid, heid))
    out.sort()
    return out


def overlaps_numpy(attacks: list[AttackRec] | np.ndarray,
                   hurts: list[HurtRec] | np.ndarray) -> list[tuple[int, int]]:
    """Broad phase by sorting hurtboxes on x0, narrow phase vectorised over the candidate pairs."""
    att = np.asarray(attacks, dtype=np.int64).reshape(-1, 8)
    hur = np.asarray(hurts, dtype=np.int64).reshape(-1, 7)
    if len(att) == 0 or len(hur) == 0:
        return []
    order = np.argsort(hur[:, 2], kind="stable")
    hx0_sorted = hur[order, 2]
    max_w = int((hur[:, 3] - hur[:, 2]).max())
    # A hurtbox can only reach an attack box if its x0 lies in (ax0 - max_w, ax1).
    lo = np.searchsorted(hx0_sorted, att[:, 2] - max_w, side="right")
    hi = np.searchsorted(hx0_sorted, att[:, 3], side="left")
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    if total == 0:
        return []
    ai = np.repeat(np.arange(len(att)), counts)
    first = np.cumsum(counts) - counts
    hj = order[np.arange(total) - np.repeat(first, counts) + np.repeat(lo, counts)]
    a = att[ai]
    h = hur[hj]
    dy = a[:, 4] - h[:, 4]
    mask = ((a[:, 1] != h[:, 1]) & (a[:, 0] != h[:, 0]) & (a[:, 2] < h[:, 3]) & (h[:, 2] < a[:, 3])
            & (a[:, 5] < h[:, 6]) & (h[:, 5] < a[:, 6]) & (dy <= a[:, 7]) & (dy >= -a[:, 7]))
    if not mask.any():
        return []
    pairs = np.stack([a[mask, 0], h[mask, 0]], axis=1)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return [(int(p), int(q)) for p, q in pairs]


def overlaps(attacks: list[AttackRec], hurts: list[HurtRec]) -> list[tuple[int, int]]:
    """Pick the cheaper version for the size of the snapshot (both give identical answers)."""
    if len(attacks) * len(hurts) >= NUMPY_MIN_PAIRS:
        return overlaps_numpy(attacks, hurts)
    return overlaps_python(attacks, hurts)
