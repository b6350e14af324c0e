"""The cast: each character's proportions, palette and clothes (edit here to restyle a character)."""

from __future__ import annotations

from .canvas import ramp, rgb
from .figure import Look
from .rig import Body

INK = rgb("#140a0e")
GOLD = rgb("#f2c440")
IRON = ramp("#1a1a20", "#3c3c46", "#6a6a78", "#a4a4b4")
WOOD = ramp("#2a1408", "#5a3018", "#8c5428", "#c08040")
GUN = ramp("#101016", "#2c2c36", "#50505e", "#8c8ca0")

SKIN_DANKO = ramp("#4a2014", "#94503a", "#c8825c", "#ecb48a")
SKIN_PALE = ramp("#4a2a22", "#9c6a54", "#d4a080", "#f2caa8")
SKIN_RED = ramp("#4a1010", "#962e24", "#d0583e", "#f28c6c")
SKIN_OLIVE = ramp("#3a2214", "#7a5034", "#b28058", "#d8aa7c")
SKIN_TAN = ramp("#3e2012", "#86492c", "#b87648", "#dca070")

TOWEL = ramp("#6c6a72", "#b2b0b4", "#e2e0d8", "#fbfaf2")
MILITIA = ramp("#1a1e24", "#343e48", "#56646e", "#7e8e96")
RED = ramp("#4a0808", "#8c1414", "#c82820", "#ee5a3a")
BOOT = ramp("#0e0c10", "#24202a", "#403a48", "#686070")

ITEMS = {
    "metal": GUN,
    "grip": ramp("#1a0c08", "#3a2014", "#5a3420", "#7a4c30"),
    "wood": WOOD,
    "iron": IRON,
    "leaves": ramp("#0e2a0e", "#24521c", "#3e7c2a", "#6aa840"),
}

BIG = Body(
    head_rx=4.6,
    head_ry=5.6,
    torso=19,
    chest=8.6,
    waist=6.2,
    ua=10,
    fa=9.5,
    arm_r=3.5,
    fa_r=3.1,
    hand_r=2.6,
    th=13,
    sh=12,
    th_r=4.1,
    sh_r=3.2,
    foot=5.5,
)
AVERAGE = Body(
    head_rx=4.4,
    head_ry=5.4,
    torso=17.5,
    chest=7.2,
    waist=5.6,
    ua=9.5,
    fa=9,
    arm_r=2.9,
    fa_r=2.6,
    hand_r=2.3,
    th=12.5,
    sh=11.5,
    th_r=3.6,
    sh_r=2.8,
    foot=5,
)
SLIM = Body(
    head_rx=4.2,
    head_ry=5.2,
    torso=16.5,
    chest=6.4,
    waist=4.6,
    ua=9.5,
    fa=8.5,
    arm_r=2.4,
    fa_r=2.1,
    hand_r=2.0,
    th=12.5,
    sh=11.5,
    th_r=3.3,
    sh_r=2.5,
    foot=4.5,
    foot_r=1.5,
)
STOUT = Body(
    head_rx=4.6,
    head_ry=5.4,
    torso=17,
    chest=8.0,
    waist=6.8,
    belly=3.0,
    ua=9,
    fa=8.5,
    arm_r=3.2,
    fa_r=2.9,
    hand_r=2.5,
    th=11.5,
    sh=11,
    th_r=4.0,
    sh_r=3.0,
    foot=5,
)
BOSS = Body(
    head_rx=4.8,
    head_ry=5.8,
    torso=21,
    chest=9.2,
    waist=7.0,
    ua=11,
    fa=10,
    arm_r=3.7,
    fa_r=3.3,
    hand_r=2.7,
    th=14,
    sh=13,
    th_r=4.4,
    sh_r=3.4,
    foot=6,
)

LOOKS: dict[str, Look] = {
    "danko_bath": Look(
        body=BIG,
        ink=INK,
        skin=SKIN_DANKO,
        torso_style="bare",
        skirt=TOWEL,
        skirt_len=9,
        skirt_flare=1.2,
        trim=RED,
        hair=ramp("#140c0a", "#2e1e16", "#4c3424"),
        hair_style="flat",
        item_ramp=ITEMS,
    ),
    "danko": Look(
        body=BIG,
        ink=INK,
        skin=SKIN_DANKO,
        top=MILITIA,
        torso_style="coat",
        accent=GOLD,
        trim=RED,
        legs=ramp("#141820", "#262e3a", "#3a4656", "#52607a"),
        shoes=BOOT,
        boot_h=0.55,
        skirt=MILITIA,
        skirt_len=19,
        skirt_flare=1.8,
        hair=ramp("#140c0a", "#2e1e16", "#4c3424"),
        hair_style="flat",
        hat="militia",
        hat_ramp=MILITIA,
        item_ramp=ITEMS,
    ),
    "ridzik": Look(
        body=AVERAGE,
        ink=INK,
        skin=SKIN_PALE,
        top=ramp("#33200e", "#624020", "#926434", "#c09058"),
        torso_style="jacket",
        shirt=ramp("#7a7e8c", "#b8bcc8", "#e6e8ee"),
        tie=rgb("#b01c1c"),
        legs=ramp("#1c2028", "#333a48", "#4e586a", "#6e7a8e"),
        shoes=ramp("#1e120a", "#3e2616", "#623e24"),
        hair=ramp("#24160c", "#4a2e18", "#744a26", "#9a6838"),
        hair_style="messy",
        item_ramp=ITEMS,
    ),
    "thug": Look(
        body=AVERAGE,
        ink=INK,
        skin=SKIN_TAN,
        top=ramp("#1a2014", "#323c24", "#4e5a36", "#6e7a4a"),
        torso_style="quilted",
        legs=ramp("#18161a", "#2c2a30", "#46424a", "#605a64"),
        shoes=BOOT,
        boot_h=0.45,
        hair=ramp("#1a120c", "#38261a", "#54402c"),
        hat="flatcap",
        hat_ramp=ramp("#1e1c20", "#3a3640", "#5a5460", "#7c7484"),
        stubble=True,
        item_ramp=ITEMS,
    ),
    "bather": Look(
        body=STOUT,
        ink=INK,
        skin=SKIN_RED,
        torso_style="belly",
        skirt=TOWEL,
        skirt_len=10,
        skirt_flare=1.6,
        trim=ramp("#10204a", "#24488c", "#3c6cc0"),
        hair=ramp("#4a4448", "#7c767a", "#aaa4a4"),
        hair_style="fringe",
        moustache=True,
        item_ramp=ITEMS,
    ),
    "gangster": Look(
        body=AVERAGE,
        ink=INK,
        skin=SKIN_PALE,
        top=ramp("#0c0a10", "#201c28", "#3a3446", "#5a5268", "#8c84a0"),
        torso_style="leather",
        shirt=ramp("#8a8a90", "#d0d0d4", "#f6f6f6"),
        legs=ramp("#0e1830", "#1e325e", "#34528c", "#5a7ab4"),
        shoes=BOOT,
        boot_h=0.35,
        hair_style="bald",
        earring=GOLD,
        item_ramp=ITEMS,
    ),
    "nurse": Look(
        body=SLIM,
        ink=INK,
        skin=SKIN_PALE,
        top=ramp("#5e6670", "#a0aab2", "#d4dadc", "#fafaf4"),
        torso_style="dress",
        sleeves=False,
        accent=rgb("#8a96a0"),
        trim=RED,
        legs=ramp("#8a8a92", "#c2c2c8", "#e8e8ec"),
        shoes=ramp("#7a7a82", "#c8c8cc", "#f4f4f4"),
        skirt=ramp("#5e6670", "#a0aab2", "#d4dadc", "#fafaf4"),
        skirt_len=14,
        skirt_flare=1.6,
        hair=ramp("#1a0a0c", "#3e161a", "#62262a", "#86383a"),
        hair_style="bun",
        hat="nurse",
        hat_ramp=ramp("#8a949a", "#d4dadc", "#fafaf4"),
        lips=rgb("#c41c2c"),
        item_ramp=ITEMS,
    ),
    "hitman": Look(
        body=AVERAGE,
        ink=INK,
        skin=SKIN_PALE,
        top=ramp("#0e1014", "#22262e", "#3a404c", "#566070"),
        torso_style="suit",
        shirt=ramp("#8a8e98", "#ccd0d8", "#f2f4f6"),
        tie=rgb("#101014"),
        legs=ramp("#0e1014", "#22262e", "#3a404c", "#566070"),
        shoes=ramp("#060608", "#1c1c22", "#40404a"),
        hair=ramp("#08080a", "#1a1a1e", "#34343c", "#5a5a66"),
        hair_style="slick",
        shades=True,
        item_ramp=ITEMS,
    ),
    "viktor": Look(
        body=BOSS,
        ink=INK,
        skin=SKIN_OLIVE,
        top=ramp("#0e0a0a", "#241a1a", "#3e2e2c", "#5e4844", "#7e6660"),
        torso_style="jacket",
        shirt=ramp("#300a0e", "#5e161c", "#8e262c"),
        tie=None,
        legs=ramp("#0e0a0a", "#1e1818", "#342a28", "#4c3e3a"),
        shoes=ramp("#060406", "#1a1416", "#3a3034"),
        skirt=ramp("#0e0a0a", "#241a1a", "#3e2e2c", "#5e4844"),
        skirt_len=21,
        skirt_flare=2.2,
        hair=ramp("#060406", "#161012", "#2e2426", "#4a3c3e"),
        hair_style="slick",
        moustache=True,
        item_ramp=ITEMS,
    ),
}
LOOKS["thug_woodleg"] = Look(
    **{
        **LOOKS["thug"].__dict__,
        "peg_leg": True,
        "hat_ramp": ramp("#2a1c14", "#4a3424", "#6c5034", "#8c6c48"),
    }
)
