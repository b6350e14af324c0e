"""Red Heat's art pipeline: every sprite, tile, font and HUD piece drawn by code from editable sources."""
