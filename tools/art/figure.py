"""Dress and paint a posed body: limbs, torso, clothes, head, face and hand-held items, in draw order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .canvas import Canvas, Color, grow
from .paint import Painter
from .rig import Body, Pose, Skeleton, Vec, add, pose_skeleton, rot

FRAME_W, FRAME_H = 96, 80
PIVOT = (48, 76)  # the feet point inside each frame
Ramp = list[Color]

FAR, TORSO, NEAR_LEG, SKIRT, HEAD, NEAR, ITEM, FAR_LEG = 1, 3, 4, 5, 6, 7, 8, 2


@dataclass
class Look:
    """Everything that makes one character: proportions, palette ramps (dark to light) and clothes."""

    body: Body
    ink: Color
    skin: Ramp
    top: Ramp | None = None  # torso and sleeves; None = bare
    torso_style: str = "bare"  # bare, coat, jacket, suit, leather, dress, quilted, belly
    sleeves: bool = True
    shirt: Ramp | None = None  # shirt front under a jacket
    tie: Color | None = None
    accent: Color | None = None  # buttons, badge, buckle
    trim: Ramp | None = None  # collar tabs, cap band, towel stripe
    legs: Ramp | None = None  # trousers; None = bare legs
    shoes: Ramp | None = None  # None = barefoot
    boot_h: float = 0.0  # fraction of the shin the boot covers
    skirt: Ramp | None = None  # coat tails, towel or dress
    skirt_len: float = 0.0  # px down the leg from the hip
    skirt_flare: float = 1.5
    hair: Ramp | None = None
    hair_style: str = "short"  # short, flat, messy, bald, slick, bun, fringe
    hat: str = "none"  # none, militia, flatcap, nurse
    hat_ramp: Ramp | None = None
    moustache: bool = False
    stubble: bool = False
    shades: bool = False
    earring: Color | None = None
    lips: Color | None = None
    peg_leg: bool = False
    item_ramp: dict[str, Ramp] = field(default_factory=dict)


class Figure:
    """Paints one frame of a character."""

    def __init__(self, look: Look, pose: Pose) -> None:
        self.look, self.pose, self.b = look, pose, look.body
        self.p = Painter(FRAME_W, FRAME_H)
        self.sk: Skeleton = pose_skeleton(self.b, pose, (PIVOT[0] + pose.dx, 40.0))
        self.marks: dict[str, tuple[int, int]] = {}  # named points in the finished frame (the muzzle)

    # --- the frame ----------------------------------------------------------------------------
    def draw(self) -> Canvas:
        """Paint every part back to front, outline, and stand the figure on the pivot row."""
        far_front = self.pose.front == "far"
        if not far_front:
            self.arm("f")
        self.leg("f")
        self.torso()
        self.leg("n")
        self.skirt()
        self.head()
        if far_front:
            self.arm("n")
            self.arm("f")
        else:
            self.arm("n")
        self.item()
        self.p.outline(self.look.ink)
        return self._grounded()

    def _grounded(self) -> Canvas:
        c = self.p.c
        rows = np.nonzero(c.opaque().any(axis=1))[0]
        if len(rows) == 0:
            return c
        shift = PIVOT[1] - int(rows[-1])
        self.marks = {k: (x, y + shift) for k, (x, y) in self.marks.items()}
        out = Canvas(FRAME_W, FRAME_H)
        if shift >= 0:
            out.px[shift:] = c.px[: FRAME_H - shift]
        else:
            out.px[: FRAME_H + shift] = c.px[-shift:]
        return out

    # --- limbs --------------------------------------------------------------------------------
    def arm(self, side: str) -> None:
        """Upper arm, forearm and hand (the far arm a shade darker)."""
        lk, b, sk, p = self.look, self.b, self.sk, self.p
        group = NEAR if side == "n" else FAR
        bias = 0.0 if side == "n" else -0.22
        sleeve = lk.top if (lk.top and lk.sleeves) else lk.skin
        line = sleeve[0]
        sh, el, wr = sk.shoulder[side], sk.elbow[side], sk.wrist[side]
        p.fill(p.capsule(sh, el, b.arm_r, (b.arm_r + b.fa_r) / 2), sleeve, group, line, bias)
        p.fill(p.capsule(el, wr, (b.arm_r + b.fa_r) / 2, b.fa_r * 0.85), sleeve, group, line, bias)
        if lk.top and lk.sleeves and lk.shirt and lk.torso_style in ("jacket", "suit"):
            cuff = add(wr, sk.forearm_dir[side], -0.5)
            p.fill(p.capsule(cuff, wr, b.fa_r * 0.8, b.fa_r * 0.8), lk.shirt, group, None, bias)
        if side == "n" and lk.torso_style == "coat" and lk.trim:
            # a shoulder board on the militia greatcoat, red with a gold button
            top = add(sh, rot((0.0, -1.0), sk.torso_rot), b.arm_r * 0.6)
            across = rot((1.0, 0.0), sk.torso_rot)
            board = p.capsule(add(top, across, -2.0), add(top, across, 1.5), 1.0, 1.0)
            p.fill(board, lk.trim, group, lk.trim[0], bias)
            if lk.accent:
                p.dot(add(top, across, 1.0), lk.accent)
        self.hand(side, group, bias)

    def hand(self, side: str, group: int, bias: float) -> None:
        """A fist, an open slapping hand or a grabbing hand at the wrist."""
        lk, b, p = self.look, self.b, self.p
        d = self.sk.forearm_dir[side]
        wr = self.sk.wrist[side]
        kind = self.pose.hand_n if side == "n" else self.pose.hand_f
        if kind == "open":
            p.fill(
                p.capsule(wr, add(wr, d, b.hand_r * 2.2), b.hand_r * 0.8, b.hand_r * 0.6),
                lk.skin,
                group,
                lk.skin[0],
                bias,
            )
            return
        r = b.hand_r * (1.1 if kind == "grab" else 1.0)
        c = add(wr, d, r * 0.7)
        m = p.fill(
            p.ellipse(c, r * 1.05, r * 0.95, math.degrees(math.atan2(d[1], d[0]))),
            lk.skin,
            group,
            lk.skin[0],
            bias,
        )
        if kind == "fist" and m.any():
            # knuckle crease across the fist
            p.dot(add(c, rot(d, -90), 0.3), lk.skin[1])
        if kind == "grab":
            p.seg(add(c, d, r * 0.9), add(add(c, d, r * 0.9), rot(d, 90), r), lk.skin[0])

    def leg(self, side: str) -> None:
        """Thigh, shin, boot and foot (or the wooden peg)."""
        lk, b, sk, p = self.look, self.b, self.sk, self.p
        group = NEAR_LEG if side == "n" else FAR_LEG
        bias = 0.0 if side == "n" else -0.22
        cloth = lk.legs or lk.skin
        hj, kn, an, toe = sk.hip_j[side], sk.knee[side], sk.ankle[side], sk.toe[side]
        mid_r = (b.th_r + b.sh_r) / 2
        p.fill(p.capsule(hj, kn, b.th_r, mid_r), cloth, group, cloth[0], bias)
        if lk.peg_leg and side == "n":
            wood = lk.item_ramp["wood"]
            p.fill(p.capsule(kn, an, mid_r * 0.75, 1.3), wood, group, wood[0], bias)
            p.fill(
                p.capsule(add(kn, add(an, kn, -1), 0.25), add(kn, add(an, kn, -1), 0.3), 2.2, 2.2),
                lk.item_ramp["iron"],
                group,
                None,
                bias,
            )
            p.fill(p.capsule(an, an, 1.4, 1.4), lk.item_ramp["iron"], group, None, bias)
            return
        p.fill(p.capsule(kn, an, mid_r, b.sh_r * 0.8), cloth, group, cloth[0], bias)
        foot = lk.shoes or lk.skin
        if lk.shoes and lk.boot_h > 0:
            top = add(an, add(kn, an, -1), lk.boot_h)
            p.fill(p.capsule(top, an, b.sh_r * 0.95 + 0.3, b.sh_r * 0.85 + 0.3), foot, group, foot[0], bias)
        fr = b.foot_r + (0.3 if lk.shoes else 0.0)
        p.fill(
            p.capsule(add(an, add(toe, an, -1), -0.12), toe, fr + 0.2, fr), foot, group, foot[0], bias - 0.1
        )

    # --- torso and clothes ----------------------------------------------------------------------
    def torso_rows(self, extra: float = 0.0) -> list[tuple[float, float, float]]:
        """The torso's side profile (up, back, front) in px from the hip."""
        b, t = self.b, self.b.torso + self.pose.breathe
        return [
            (-1.5, -b.waist - extra, b.waist + extra),
            (t * 0.35, -b.waist - 0.3 - extra, b.waist + b.belly + extra),
            (t * 0.6, -b.chest + 1 - extra, b.chest - 0.5 + b.belly * 0.5 + extra),
            (t * 0.85, -b.chest - extra, b.chest + extra),
            (t + 1.0, -b.chest + 1.8, b.chest - 1.8),
        ]

    def local(self, origin: Vec, angle: float) -> tuple[np.ndarray, np.ndarray]:
        """Pixel coordinates in a rotated frame: (forward, up)."""
        ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        rx, ry = self.p.xs - origin[0], self.p.ys - origin[1]
        return rx * ca + ry * sa, -(-rx * sa + ry * ca)

    def torso(self) -> None:
        """The chest and belly, then the neck, then the clothing details for the torso style."""
        lk, sk, p, b = self.look, self.sk, self.p, self.b
        mat = lk.top or lk.skin
        t = b.torso + self.pose.breathe
        fld = p.profile(sk.hip, sk.torso_rot, self.torso_rows())
        mask = p.fill(fld, mat, TORSO, mat[0])
        neck_top = add(sk.neck, rot((0.0, -1.0), sk.head_rot), b.neck + 1)
        p.fill(
            p.capsule(add(sk.neck, rot((1.0, 0.0), sk.torso_rot), 0.5), neck_top, 2.4, 2.2),
            lk.skin,
            TORSO,
            lk.skin[0],
            -0.15,
        )
        fwd, up = self.local(sk.hip, sk.torso_rot)
        rows = self.torso_rows()
        ups = np.array([r[0] for r in rows])
        front = np.interp(up, ups, np.array([r[2] for r in rows]))
        back = np.interp(up, ups, np.array([r[1] for r in rows]))
        style = lk.torso_style
        tp = sk.torso_point
        if style in ("bare", "belly"):
            sk_ = lk.skin
            # the pectoral: a shadow under it and a lit rim above, curving up to the armpit
            p.seg(tp(b.chest - 5.5, t * 0.6), tp(b.chest - 0.6, t * 0.64), sk_[1])
            p.seg(tp(b.chest - 5.0, t * 0.6 + 1.1), tp(b.chest - 1.2, t * 0.64 + 1.1), sk_[3])
            p.dot(tp(b.chest - 2.0, t * 0.68), sk_[0])
            if style == "bare":
                for u in (0.24, 0.34, 0.44):  # the six-pack, one row of dents per band
                    p.seg(tp(b.waist - 2.6, t * u), tp(b.waist - 1.4, t * u), sk_[1])
                    p.dot(tp(b.waist - 1.4, t * u + 1), sk_[3])
                p.seg(tp(b.waist - 3.2, t * 0.2), tp(b.waist - 3.2, t * 0.48), sk_[1])
            else:
                hair = mask & (fwd > front - 4) & (up > t * 0.55) & (up < t * 0.85)
                p.flat(p.c.dither_mask(hair, 0.3), sk_[0])
            p.dot(tp(b.waist + b.belly * 0.8 - 2.0, t * 0.2), sk_[0])
        elif style in ("jacket", "suit"):
            open_w = 3.2 if style == "jacket" else 2.2
            shirt = mask & (fwd > front - open_w) & (up > t * (0.3 if style == "jacket" else 0.45))
            p.fill((shirt, fld[1], fld[2]), lk.shirt or mat, TORSO)
            lapel = grow(shirt) & ~shirt & mask & (fwd < front - 1)
            p.flat(lapel, mat[0])
            if lk.tie:
                knot_up = t * (0.82 if style == "jacket" else 0.95)
                tie_x = -1.4 if style == "jacket" else -1.0
                p.seg(tp(b.chest + tie_x, knot_up), tp(b.waist + tie_x + 0.3, t * 0.32), lk.tie)
                p.seg(tp(b.chest + tie_x - 0.8, knot_up - 1), tp(b.waist + tie_x - 0.4, t * 0.36), lk.tie)
                p.dot(tp(b.chest + tie_x - 0.4, knot_up + 0.6), lk.ink)
            if lk.accent:
                p.dot(tp(b.waist - 0.6, t * 0.28), lk.accent)
        elif style in ("coat", "dress", "quilted", "leather"):
            if style == "quilted":
                for k in range(2, int(t), 3):
                    band = mask & (np.abs(up - k) < 0.5)
                    p.flat(band, mat[1])
                p.flat(mask & (np.abs(fwd - (front - 1.5)) < 0.5) & (up > 2), mat[0])
            if style == "leather":
                p.flat(mask & (np.abs(fwd - (front - 2.5)) < 0.5) & (up > 1), mat[0])
                shine = mask & (fwd > front - 2.2) & (up > t * 0.45) & (up < t * 0.8)
                p.flat(p.c.dither_mask(shine, 0.5), mat[-1])
                if lk.shirt:
                    vee = mask & (fwd > front - 3.5) & (up > t * 0.78 + (front - fwd) * 0.6)
                    p.fill((vee, fld[1], fld[2]), lk.shirt, TORSO)
            if style == "coat" and lk.accent:
                for u in (0.3, 0.52, 0.74):
                    p.dot(tp(np.interp(t * u, ups, [r[2] for r in rows]) - 1.8, t * u), lk.accent)
            if style == "dress" and lk.accent:
                for u in (0.45, 0.62, 0.79):
                    p.dot(tp(np.interp(t * u, ups, [r[2] for r in rows]) - 1.5, t * u), lk.accent)
            if lk.trim and style == "coat":
                collar = mask & (up > t - 2.5) & (fwd > 0)
                p.fill((collar, fld[1], fld[2]), lk.trim, TORSO)
            # a belt where the coat meets the hips
            # the belt sits just above where the coat tails or the skirt start (5 px up the torso)
            belt = mask & (up > 5.2) & (up < 7.6) & (style in ("coat", "dress"))
            if belt.any():
                p.fill(
                    (belt, fld[1], fld[2]),
                    lk.hat_ramp if style == "dress" and lk.hat_ramp else [lk.ink, mat[0], mat[1], mat[1]],
                    TORSO,
                )
                if lk.accent:
                    p.dot(tp(b.waist - 0.8, 6.4), lk.accent)
        del back

    def skirt(self) -> None:
        """Coat tails, a towel or a dress: cloth from the waist down over both thighs."""
        lk, sk, p = self.look, self.sk, self.p
        if not lk.skirt:
            return
        b = self.b
        hems = []
        for side in ("n", "f"):
            hj, kn, an = sk.hip_j[side], sk.knee[side], sk.ankle[side]
            if lk.skirt_len <= b.th:
                c = add(hj, add(kn, hj, -1), lk.skirt_len / b.th)
                d = add(kn, hj, -1)
            else:
                c = add(kn, add(an, kn, -1), min((lk.skirt_len - b.th) / b.sh, 1.0))
                d = add(an, kn, -1)
            n = (-d[1], d[0])
            ln = math.hypot(*n) or 1.0
            n = (n[0] / ln, n[1] / ln)
            w = b.th_r + lk.skirt_flare
            hems += [add(c, n, w), add(c, n, -w)]
        ca, sa = math.cos(math.radians(sk.body_rot)), math.sin(math.radians(sk.body_rot))

        def fwd_of(q: Vec) -> float:
            return (q[0] - sk.hip[0]) * ca + (q[1] - sk.hip[1]) * sa

        hems.sort(key=fwd_of)
        top_b = sk.torso_point(-b.waist - 0.6, 5.0)
        top_f = sk.torso_point(b.waist + b.belly * 0.4 + 0.6, 5.0)
        waist_b = sk.torso_point(-b.waist - 0.8, 1.0)
        waist_f = sk.torso_point(b.waist + 0.8, 1.0)
        poly = [top_b, waist_b, hems[0], hems[1], hems[2], hems[3], waist_f, top_f]
        mask = p.c.poly_mask(poly)
        fwd, _ = self.local(sk.hip, sk.body_rot)
        lo, hi = min(fwd_of(q) for q in poly), max(fwd_of(q) for q in poly)
        u = np.clip((fwd - (lo + hi) / 2) / max((hi - lo) / 2, 1.0), -1, 1)
        p.fill((mask, u * ca * 0.9, u * sa * 0.9 - 0.2), lk.skirt, SKIRT, lk.skirt[0])
        # hem and a fold between the legs
        hem = mask & ~p.c.poly_mask([add(q, (0.0, -1.2)) for q in poly])
        p.flat(hem, lk.skirt[0])
        if lk.trim and lk.torso_style in ("bare", "belly"):
            stripe = (
                mask
                & p.c.poly_mask([add(q, (0.0, -2.5)) for q in poly])
                & ~p.c.poly_mask([add(q, (0.0, -3.6)) for q in poly])
            )
            p.flat(stripe, lk.trim[1])
            # a towel: the rolled top and the tucked-in corner of the wrap
            roll = mask & ~p.c.poly_mask([add(q, (0.0, 2.0)) for q in poly])
            p.flat(roll, lk.skirt[-1])
            p.flat(grow(roll) & mask & ~roll, lk.skirt[1])
            corner = add(top_f, add(hems[3], top_f, -1), 0.75)
            p.seg(add(top_f, (-1.0, 1.0)), corner, lk.skirt[1])
            p.seg(add(top_f, (-2.0, 1.0)), add(corner, (-1.0, 0.0)), lk.skirt[-1])
        mid = add(hems[1], add(hems[2], hems[1], -1), 0.5)
        p.seg(add(sk.hip, add(mid, sk.hip, -1), 0.45), mid, lk.skirt[1])

    # --- head -----------------------------------------------------------------------------------
    def head(self) -> None:
        """Skull and jaw, hair or hat, and the face."""
        lk, b, sk, p = self.look, self.b, self.sk, self.p
        hr = sk.head_rot
        skull = p.ellipse(sk.head, b.head_rx, b.head_ry, hr)
        jaw = p.ellipse(sk.head_point(1.0, -b.head_ry * 0.45), b.head_rx * 0.85, b.head_ry * 0.6, hr)
        fld = (skull[0] | jaw[0], np.where(skull[0], skull[1], jaw[1]), np.where(skull[0], skull[2], jaw[2]))
        head_mask = p.fill(fld, lk.skin, HEAD, lk.skin[0], 0.05)
        u, v = self.local(sk.head, hr)
        rx, _ry = b.head_rx, b.head_ry
        hp = sk.head_point
        # nose juts past the profile so the outline wraps it
        p.fill(p.capsule(hp(rx - 0.2, -0.2), hp(rx + 0.9, -1.2), 1.0, 0.8), lk.skin, HEAD, None, 0.1)
        self.hair(head_mask, u, v)
        ink = lk.ink
        eye = hp(rx - 2.3, 0.4)
        face = self.pose.face
        if lk.shades:
            band = head_mask & (v > -0.6) & (v < 1.4) & (u > rx - 4.5)
            p.flat(band, ink)
            p.flat(head_mask & (np.abs(v - 0.4) < 0.5) & (u > -0.5) & (u <= rx - 4.5), ink)
            p.dot(hp(rx - 1.6, 1.0), (200, 220, 255, 255))
        elif face == "ko":
            p.seg(add(eye, (-1, -1)), add(eye, (1, 1)), ink)
            p.seg(add(eye, (-1, 1)), add(eye, (1, -1)), ink)
        elif face == "hurt":
            p.seg(add(eye, (-1, 0)), add(eye, (1, -1)), ink)
        else:
            p.dot(eye, ink)
            p.dot(add(eye, (-1, 0)), (236, 232, 220, 255))
        if not lk.shades:
            brow_col = (lk.hair or [ink, ink])[0]
            tilt = -0.5 if face in ("shout", "hurt") else 0.0
            p.seg(hp(rx - 3.6, 2.0 + tilt), hp(rx - 1.2, 1.8 - tilt), brow_col)
        mouth = hp(rx - 1.6, -2.8)
        if face in ("shout", "hurt", "ko"):
            p.dot(mouth, ink)
            p.dot(add(mouth, (0, 1)), ink)
            p.dot(add(mouth, (-1, 0)), ink)
        else:
            p.seg(mouth, hp(rx - 0.6, -2.8), lk.lips or lk.skin[0])
        if lk.moustache:
            p.seg(hp(rx - 2.8, -1.9), hp(rx + 0.2, -1.8), (lk.hair or [ink])[0])
            p.seg(hp(rx - 2.6, -2.5), hp(rx - 0.6, -2.4), (lk.hair or [ink])[0])
        if lk.stubble:
            beard = head_mask & (v < -1.6) & (u > -1.0)
            p.flat(p.c.dither_mask(beard, 0.35), lk.skin[1])
        # the ear
        ear = hp(-0.6, -0.4)
        p.dot(ear, lk.skin[1])
        p.dot(add(ear, (0, 1)), lk.skin[0])
        if lk.earring:
            p.dot(hp(-0.6, -2.2), lk.earring)
        self.hat(u, v)

    def hair(self, head_mask: np.ndarray, u: np.ndarray, v: np.ndarray) -> None:
        """The hair styles, as regions of the head frame."""
        lk, b, p = self.look, self.b, self.p
        rx, ry = b.head_rx, b.head_ry
        style = lk.hair_style
        if style == "bald" or lk.hair is None:
            p.dot(self.sk.head_point(rx * 0.2, ry * 0.7), lk.skin[-1])
            p.dot(self.sk.head_point(rx * 0.2 + 1, ry * 0.7), lk.skin[-1])
            return
        grown = p.ellipse(self.sk.head_point(-0.4, 0.4), rx + 0.9, ry + 0.8, self.sk.head_rot)[0]
        line = 0.6 + 0.45 * np.maximum(u, 0)  # the hairline rises towards the brow
        # a higher brow line that sweeps down behind the ear, so the forehead shows under the hair
        high = np.where(u > 0, ry * 0.5 + 0.25 * u, ry * 0.5 + 0.75 * u)
        if style == "flat":
            region = (grown & (v > line)) | (
                (v > ry - 2.0) & (v < ry + 1.6) & (u > -rx - 0.5) & (u < rx - 0.3)
            )
            region &= ~((u > rx - 2.8) & (v < ry - 1.0))
            region |= head_mask & (u < -0.5) & (u > -2.5) & (v > -1.5) & (v < 1.0)  # sideburn
        elif style == "messy":
            tuft = (v > ry - 1.0) & (v < ry + 1.8) & (np.floor(u) % 3 != 0) & (u > -rx) & (u < rx - 1)
            region = (grown & (v > high - 0.6)) | tuft
            region |= grown & (u < -rx + 2.0) & (v > -2.0)
        elif style == "slick":
            region = grown & (v > high)
            region |= grown & (u < -rx + 1.5) & (v > -1.5)
        elif style == "bun":
            region = (grown & (v > high - 0.4)) | (grown & (u < -1.5) & (v > -3.0))
            region |= p.ellipse(self.sk.head_point(-rx - 0.8, 1.2), 2.4, 2.4, 0)[0]
        elif style == "fringe":
            region = head_mask & (u < -0.2) & (v > -1.6) & (v < 1.6) & ~((u > -1.2) & (v < 0.5))
        else:
            region = grown & (v > high)
        fld = p.ellipse(self.sk.head_point(-0.4, 0.4), rx + 0.9, ry + 0.8, self.sk.head_rot)
        p.fill((region, fld[1], fld[2]), lk.hair, HEAD, lk.hair[0], 0.1)
        if style in ("slick", "short", "flat"):
            shine = region & (np.abs(v - (ry - 0.6)) < 0.5) & (u > -1.5) & (u < 1.5)
            p.flat(shine, lk.hair[-1])

    def hat(self, u: np.ndarray, v: np.ndarray) -> None:
        """Caps drawn over the hair."""
        lk, b, p, hp = self.look, self.b, self.p, self.sk.head_point
        rx, ry = b.head_rx, b.head_ry
        if lk.hat == "none" or not lk.hat_ramp:
            return
        ramp = lk.hat_ramp
        fld = p.ellipse(self.sk.head_point(0, ry), rx + 2, 3.5, self.sk.head_rot)
        if lk.hat == "militia":
            crown = p.c.poly_mask(
                [
                    hp(-rx - 1.5, ry - 1.8),
                    hp(-rx - 2.5, ry + 2.6),
                    hp(rx + 2.2, ry + 2.8),
                    hp(rx + 1.0, ry - 1.8),
                ]
            )
            p.fill((crown, fld[1], fld[2]), ramp, HEAD, ramp[0])
            band = crown & (v < ry + 0.1)
            if lk.trim:
                p.fill((band, fld[1], fld[2]), lk.trim, HEAD)
            visor = p.c.poly_mask(
                [
                    hp(rx - 1.5, ry - 1.6),
                    hp(rx + 3.8, ry - 2.8),
                    hp(rx + 3.4, ry - 1.5),
                    hp(rx - 1.5, ry - 0.6),
                ]
            )
            p.flat(visor, lk.ink, HEAD)
            if lk.accent:
                p.dot(hp(rx - 0.6, ry + 1.2), lk.accent)
                p.dot(hp(rx - 0.6, ry + 0.2), lk.accent)
        elif lk.hat == "flatcap":
            crown = p.c.poly_mask(
                [
                    hp(-rx - 1.2, ry - 1.5),
                    hp(-rx - 0.5, ry + 1.6),
                    hp(rx + 1.0, ry + 1.2),
                    hp(rx + 3.8, ry - 1.2),
                    hp(rx + 1.0, ry - 1.6),
                ]
            )
            p.fill((crown, fld[1], fld[2]), ramp, HEAD, ramp[0])
            p.seg(hp(rx - 0.5, ry - 0.9), hp(rx + 3.2, ry - 1.4), ramp[0])
        elif lk.hat == "nurse":
            crown = p.c.poly_mask(
                [hp(-2.5, ry - 0.2), hp(-3.0, ry + 2.4), hp(2.5, ry + 2.6), hp(2.6, ry + 0.2)]
            )
            p.fill((crown, fld[1], fld[2]), ramp, HEAD, ramp[0])
            cross = hp(0.0, ry + 1.2)
            red = (lk.trim or [lk.ink, lk.ink, lk.ink])[2]
            for d in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
                p.dot(add(cross, d), red)

    # --- items ----------------------------------------------------------------------------------
    def item(self) -> None:
        """A pistol, knife, syringe, derringer or birch broom in the near hand."""
        kind = self.pose.hold
        if kind == "none":
            return
        lk, p, sk = self.look, self.p, self.sk
        d = sk.forearm_dir["n"]
        up = rot(d, -90)
        h = add(sk.wrist["n"], d, self.b.hand_r * 0.7)

        def pt(f: float, u_: float) -> Vec:
            return add(add(h, d, f), up, u_)

        metal = lk.item_ramp.get(
            "metal", [lk.ink, (60, 60, 70, 255), (110, 110, 124, 255), (180, 184, 196, 255)]
        )
        if kind in ("pistol", "derringer"):
            ln = 8.5 if kind == "pistol" else 4.5
            body = p.c.poly_mask([pt(-1.5, 0.2), pt(ln, 0.2), pt(ln, 2.6), pt(-1.5, 2.6)])
            grip = p.c.poly_mask([pt(-1.8, 0.8), pt(1.2, 0.8), pt(0.4, -3.2), pt(-2.2, -3.2)])
            fld = p.capsule(pt(-1, 1.4), pt(ln, 1.4), 1.6, 1.6)
            p.fill((grip, fld[1], fld[2]), lk.item_ramp.get("grip", metal), ITEM, lk.ink)
            p.fill((body, fld[1], fld[2]), metal, ITEM, lk.ink)
            p.dot(pt(ln - 0.6, 2.1), metal[-1])
            tip = pt(ln + 0.5, 1.4)
            self.marks["muzzle"] = (math.floor(tip[0]), math.floor(tip[1]))
        elif kind == "knife":
            blade = p.c.poly_mask([pt(1.0, 1.6), pt(9.0, 1.2), pt(1.0, -0.2)])
            p.fill((blade, blade * 0.0, blade * 0.0 - 0.6), metal, ITEM, lk.ink)
            p.fill(p.capsule(pt(-2.0, 0.6), pt(1.0, 0.6), 1.1, 1.1), lk.item_ramp.get("grip", metal), ITEM)
        elif kind == "syringe":
            glass = [(90, 120, 140, 255), (150, 200, 220, 255), (210, 240, 250, 255)]
            p.fill(p.capsule(pt(-1.0, 0.5), pt(5.0, 0.5), 1.4, 1.4), glass, ITEM, lk.ink)
            p.seg(pt(5.5, 0.5), pt(9.0, 0.5), metal[-1])
            p.seg(pt(-1.0, 0.5), pt(-3.5, 0.5), metal[1])
            p.dot(pt(1.5, 0.5), (120, 230, 90, 255))
        elif kind == "chain":
            # a bike chain swung from the fist: links along a sagging line, the last one heavy
            iron = lk.item_ramp.get("iron", metal)
            for i in range(9):
                f = 1.5 + i * 1.6
                q = pt(f, -0.05 * f * f * 0.35)
                p.dot(q, iron[3] if i % 2 else iron[2])
                p.dot(add(q, (0.0, 1.0)), iron[1])
            p.fill(p.capsule(pt(15.5, -1.4), pt(16.5, -1.4), 1.3, 1.3), iron, ITEM, lk.ink)
        elif kind == "bottle":
            glass = [(20, 50, 24, 255), (40, 96, 40, 255), (80, 150, 70, 255), (170, 220, 150, 255)]
            p.fill(p.capsule(pt(0.5, 0.5), pt(4.5, 0.5), 1.9, 1.9), glass, ITEM, lk.ink)
            p.fill(p.capsule(pt(4.5, 0.5), pt(7.5, 0.5), 0.9, 0.9), glass, ITEM, lk.ink)
            p.dot(pt(2.0, 1.4), glass[3])
        elif kind == "snowball":
            snow = [(120, 140, 170, 255), (190, 205, 225, 255), (232, 240, 250, 255), (255, 255, 255, 255)]
            p.fill(p.capsule(pt(1.5, 0.5), pt(1.6, 0.5), 2.4, 2.4), snow, ITEM, lk.ink)
        elif kind == "venik":
            leaves = lk.item_ramp["leaves"]
            p.fill(p.capsule(pt(-1.0, 0.0), pt(4.0, 0.0), 1.0, 1.2), lk.item_ramp["wood"], ITEM, lk.ink)
            blob = p.ellipse(pt(8.0, 0.0), 5.0, 3.2, math.degrees(math.atan2(d[1], d[0])))
            p.fill(blob, leaves, ITEM, leaves[0])
            p.flat(p.c.dither_mask(blob[0], 0.2), leaves[0])
