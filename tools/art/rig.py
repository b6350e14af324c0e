"""The paper-doll rig: a pose (joint angles) plus a body (proportions) becomes joint positions on a frame.

Angles are degrees. A limb angle of 0 points straight down, 90 points forward (the way the character
faces), 180 up. ``rot`` tips the whole body forward (negative: backward), ``lean`` the torso on the hips.
Forearm and shin angles are bends relative to the bone above: elbows bend forward (+), knees backward (-).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

Vec = tuple[float, float]


def rot(v: Vec, deg: float) -> Vec:
    """Rotate a screen vector (y down); positive turns "up" towards "forward"."""
    r = math.radians(deg)
    c, s = math.cos(r), math.sin(r)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    """``a + k * b``."""
    return (a[0] + k * b[0], a[1] + k * b[1])


def limb_dir(deg: float, body_rot: float) -> Vec:
    """Unit vector of a limb at ``deg`` in the body frame, turned with the body."""
    r = math.radians(deg)
    return rot((math.sin(r), math.cos(r)), body_rot)


@dataclass
class Pose:
    """One keyframe; every field has a neutral default so a pose lists only what it changes."""

    rot: float = 0.0
    lean: float = 0.0
    head: float = 0.0
    dx: float = 0.0
    breathe: float = 0.0
    ua_n: float = 10.0
    fa_n: float = 60.0
    ua_f: float = -8.0
    fa_f: float = 60.0
    th_n: float = 6.0
    sh_n: float = -6.0
    th_f: float = -6.0
    sh_f: float = -4.0
    ft_n: float = 0.0
    ft_f: float = 0.0
    hand_n: str = "fist"
    hand_f: str = "fist"
    hold: str = "none"
    front: str = "near"
    face: str = "normal"
    flash: str = "none"

    @classmethod
    def parse(cls, items: dict[str, str], base: Pose | None = None) -> Pose:
        """Build from ``key=value`` strings on top of ``base``; unknown keys raise ``ValueError``."""
        p = Pose(**{f.name: getattr(base, f.name) for f in fields(cls)}) if base else Pose()
        kinds = {f.name: f.type for f in fields(cls)}
        for k, v in items.items():
            if k not in kinds:
                raise ValueError(f"unknown pose key {k!r}")
            setattr(p, k, v if kinds[k] == "str" else float(v))
        return p


@dataclass
class Body:
    """Proportions in pixels (side view, facing right)."""

    head_rx: float = 4.5
    head_ry: float = 5.5
    neck: float = 2.0
    torso: float = 18.0
    chest: float = 7.5
    waist: float = 5.5
    belly: float = 0.0
    ua: float = 10.0
    fa: float = 9.0
    arm_r: float = 3.0
    fa_r: float = 2.6
    hand_r: float = 2.4
    th: float = 13.0
    sh: float = 12.0
    th_r: float = 3.6
    sh_r: float = 2.9
    foot: float = 5.0
    foot_r: float = 1.8
    shoulder_far: float = -3.0
    hip_far: float = -1.5


@dataclass
class Skeleton:
    """Joint positions of one posed body on the frame."""

    hip: Vec
    body_rot: float
    torso_rot: float
    head_rot: float
    neck: Vec
    head: Vec
    shoulder: dict[str, Vec] = field(default_factory=dict)
    elbow: dict[str, Vec] = field(default_factory=dict)
    wrist: dict[str, Vec] = field(default_factory=dict)
    hip_j: dict[str, Vec] = field(default_factory=dict)
    knee: dict[str, Vec] = field(default_factory=dict)
    ankle: dict[str, Vec] = field(default_factory=dict)
    toe: dict[str, Vec] = field(default_factory=dict)
    forearm_dir: dict[str, Vec] = field(default_factory=dict)

    def torso_point(self, fwd: float, up: float) -> Vec:
        """A point in the torso frame: ``fwd`` px forward of the spine, ``up`` px up from the hip."""
        return add(add(self.hip, rot((1.0, 0.0), self.torso_rot), fwd), rot((0.0, -1.0), self.torso_rot), up)

    def head_point(self, fwd: float, up: float) -> Vec:
        """A point in the head frame (from the head centre)."""
        return add(add(self.head, rot((1.0, 0.0), self.head_rot), fwd), rot((0.0, -1.0), self.head_rot), up)


def pose_skeleton(body: Body, pose: Pose, hip: Vec) -> Skeleton:
    """Place every joint of ``body`` in ``pose`` with the hip at ``hip``."""
    R = pose.rot  # noqa: N806 - the body rotation, as in the docs
    tr = R + pose.lean
    up = rot((0.0, -1.0), tr)
    fwd = rot((1.0, 0.0), tr)
    torso_len = body.torso + pose.breathe
    neck = add(hip, up, torso_len)
    hr = tr + pose.head
    head = add(neck, rot((0.0, -1.0), hr), body.neck + body.head_ry * 0.8)
    sk = Skeleton(hip=hip, body_rot=R, torso_rot=tr, head_rot=hr, neck=neck, head=head)
    for side, off, ua, fa in (
        ("n", 0.5, pose.ua_n, pose.fa_n),
        ("f", body.shoulder_far, pose.ua_f, pose.fa_f),
    ):
        sh = add(add(hip, up, torso_len - body.arm_r * 0.7), fwd, off)
        el = add(sh, limb_dir(ua, tr), body.ua)
        fd = limb_dir(ua + fa, tr)
        sk.shoulder[side], sk.elbow[side], sk.wrist[side], sk.forearm_dir[side] = (
            sh,
            el,
            add(el, fd, body.fa),
            fd,
        )
    for side, off, th, shn, ft in (
        ("n", 0.5, pose.th_n, pose.sh_n, pose.ft_n),
        ("f", body.hip_far, pose.th_f, pose.sh_f, pose.ft_f),
    ):
        hj = add(add(hip, fwd, off), up, 1.0)
        kn = add(hj, limb_dir(th, R), body.th)
        an = add(kn, limb_dir(th + shn, R), body.sh)
        sk.hip_j[side], sk.knee[side], sk.ankle[side] = hj, kn, an
        sk.toe[side] = add(an, limb_dir(th + shn + 90 + ft, R), body.foot)
    return sk
