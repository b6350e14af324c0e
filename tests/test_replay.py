"""Record and replay: the same hash at the end, and a tampered replay is caught at the right tick."""

import json
from pathlib import Path

import pytest

from game.sim import testlevel
from game.sim.replay import CHECKPOINT_EVERY, Recorder, Replay, ReplayError, play_back
from game.sim.world import World
from tests.scripted import mash

GOLDEN = Path(__file__).parent / "data" / "golden"


def _record(frames, seed=7, players=1) -> tuple[Replay, World]:
    world = World(testlevel.corridor(), seed=seed, players=players)
    rec = Recorder(world)
    for f in frames:
        rec.step(f)
    return rec.finish(), world


def test_record_then_replay_reaches_the_same_hash(tmp_path):
    replay, world = _record(mash(1200, seed=2))
    path = tmp_path / "run.json"
    replay.save(path)
    verdict = play_back(Replay.load(path), testlevel.corridor())
    assert verdict.ok
    assert verdict.world.state_hash() == world.state_hash() == replay.final_hash


def test_frames_are_run_length_encoded():
    replay, _ = _record([(1,)] * 500 + [(0,)] * 500)
    assert replay.frames == [[500, 1], [500, 0]]
    assert len(replay.to_json()) < 1000  # 1000 ticks: two runs and 16 checkpoints


def test_recorder_feeds_the_decoded_frame():
    replay, _ = _record([(0xFFFF_FFFF,)])  # garbage bits beyond the action set are dropped
    assert replay.frames[0][1] == 0x1FF


def test_altered_replay_is_reported_at_the_first_bad_checkpoint():
    replay, _ = _record(mash(1200, seed=2))
    inputs = list(replay.inputs())
    # Tamper where it must matter: the first tick from 437 on where Danko is free to walk.
    probe = World(testlevel.corridor(), seed=replay.seed)
    tamper_tick = 437
    for t, f in enumerate(inputs):
        if t >= 437 and probe.by_id[probe.slots[0].eid].state in ("idle", "walk"):
            tamper_tick = t
            break
        probe.step(f)
    inputs[tamper_tick] = (inputs[tamper_tick][0] ^ 0x2,)  # flip "right" for one tick
    altered = Replay(level=replay.level, level_hash=replay.level_hash, seed=replay.seed,
                     difficulty=replay.difficulty, players=replay.players,
                     checkpoints=replay.checkpoints, final_hash=replay.final_hash)
    for f in inputs:
        altered.append(f)
    verdict = play_back(altered, testlevel.corridor())
    assert not verdict.ok
    # the first checkpoint after the tampered tick (ticks count from 1 after a step)
    expected = ((tamper_tick // CHECKPOINT_EVERY) + 1) * CHECKPOINT_EVERY
    assert verdict.first_bad_tick == expected


@pytest.mark.parametrize("text,needle", [
    ("", "bad JSON"),
    ("{}", "not a Red Heat replay"),
    ('{"format": "redheat-replay", "version": 99}', "version"),
    ('{"format": "redheat-replay", "version": 1, "players": 1}', "damaged"),
])
def test_broken_replay_files_give_one_line_errors(text, needle):
    with pytest.raises(ReplayError) as info:
        Replay.from_json(text, "x.json")
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_golden_replays_still_replay_exactly():
    """Checked-in recordings: if the rules change on purpose, re-record with tools/record_golden.py."""
    files = sorted(GOLDEN.glob("*.json"))
    assert files, "no golden replays checked in"
    from game.cli_levels import load_level

    for path in files:
        replay = Replay.load(path)
        meta = json.loads(path.read_text())
        level = load_level(meta.get("level_arg", replay.level))
        verdict = play_back(replay, level)
        assert verdict.ok, f"{path.name}: diverged at tick {verdict.first_bad_tick}"
        assert verdict.world.state_hash() == replay.final_hash
