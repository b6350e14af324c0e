"""Which scene the game opens with: the title, or straight into a level (``--level``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenes.stack import Scene

if TYPE_CHECKING:
    from game.app import App


def first_scene(app: App) -> Scene:
    """The title screen, or the level named by ``--level``."""
    if app.options.level:
        from game.scenes.play import PlayScene

        return PlayScene.from_path(app, app.options.level, hot_reload=True)
    from game.scenes.title import TitleScene

    return TitleScene(app)

