"""Hot reload: notice when a level or any file it uses is saved, and load it again."""

from __future__ import annotations

from pathlib import Path

from game.sim.level import LevelDesc
from game.tiled.loader import read_level
from game.tiled.mapview import MapView, build_view, dependencies
from game.tiled.problems import LevelError
from game.tiled.project import load_schema

Stamp = tuple[int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class LevelWatcher:
    """Watches a .tmx and every tsx/tx/png it depends on; ``poll()`` reloads after a save.

    ``level``/``map_view`` hold the last good load; ``error`` the last failed one (None when good).
    """

    def __init__(self, path: str | Path, project: str | Path | None = None) -> None:
        self.path = Path(path)
        self.project = Path(project) if project is not None else None
        self.level: LevelDesc | None = None
        self.map_view: MapView | None = None
        self.error: LevelError | None = None
        self._stamps: dict[Path, Stamp] = {}
        self._load()

    def _load(self) -> LevelDesc | LevelError:
        try:
            level, raw = read_level(self.path, self.project)
        except LevelError as exc:
            self.error = exc
            # Watch what we watched before and whatever this attempt read, so fixing any of them reloads.
            self._stamps = {p: _stamp(p) for p in [self.path, *self._stamps, *exc.files]}
            return exc
        default = bool(load_schema(self.project).defaults("Layer").get("foreground"))
        self.level, self.map_view, self.error = level, build_view(raw, default), None
        self._stamps = {p: _stamp(p) for p in [self.path, *dependencies(raw)]}
        return level

    def changed(self) -> bool:
        """True when any watched file's modification time or size differs from the last load."""
        return any(_stamp(p) != s for p, s in self._stamps.items())

    def poll(self) -> LevelDesc | LevelError | None:
        """Reload if something changed: the new LevelDesc, the LevelError of a broken save, or None."""
        if not self.changed():
            return None
        return self._load()

    def reload(self) -> LevelDesc | LevelError:
        """Reload now (F5), changed or not."""
        return self._load()

