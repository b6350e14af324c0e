"""Song sheets for tools/compose_music.py."""
