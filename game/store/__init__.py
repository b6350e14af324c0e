"""The player's own files (settings, high scores): safe to read, impossible to half-write."""
