"""The scenes make a level's music ready while its cards show, and start it with the level."""

from __future__ import annotations

from screen_driver import Driver


class RecordingMixer:
    """Stands in for the mixer and notes what the scenes ask of the music."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.current_music = None

    def prepare(self, name: str) -> None:
        self.calls.append(("prepare", name))

    def play_music(self, name: str, fade_ms: int = 800) -> None:
        self.calls.append(("play", name, str(fade_ms)))

    def play_sfx(self, name: str) -> None:
        pass

    def set_volumes(self, music: float, sfx: float) -> None:
        pass

    def duck(self, on: bool) -> None:
        pass

    def update(self) -> None:
        pass

    def stop(self, fade_ms: int = 200) -> None:
        pass

    def handle_events(self, events: object, camera_x: int, world: object = None) -> None:
        pass


def test_cards_prepare_the_level_track_and_the_level_starts_it(home):
    from game.scenes.cards import level_music

    game = Driver()
    mixer = RecordingMixer()
    game.app.audio = mixer
    music = level_music("bathhouse")
    assert music == "bathhouse"
    game.key("return")
    game.top.menu.select_key("1p")
    game.key("z")
    assert game.stack == ["StoryCardScene"]
    assert ("prepare", music) in mixer.calls, "the story card should start rendering the level's track"
    mixer.calls.clear()
    game.key("escape")
    assert game.stack == ["LevelCardScene"]
    assert ("prepare", music) in mixer.calls
    mixer.calls.clear()
    game.key("z")
    assert game.stack == ["PlayScene"]
    assert ("play", music, "50") in mixer.calls, mixer.calls


def test_level_music_of_a_missing_or_broken_file_is_empty(tmp_path):
    from game.scenes.cards import level_music

    assert level_music(str(tmp_path / "none.tmx")) == ""
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map><properties><property name='music' value='boss'/>")
    assert level_music(str(broken)) == "boss"   # what is readable is used; the level card reports the rest
    broken.write_text("<map><<")
    assert level_music(str(broken)) == ""
