"""Devices (keyboard, game controllers) turned into per-player action bitmasks, once per logic step."""
