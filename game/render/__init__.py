"""Drawing: the 320x180 canvas, sprites, tiles, HUD and effects (pygame)."""
