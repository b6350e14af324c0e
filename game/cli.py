"""The command line: play (default), ``sim`` (headless rules), ``check`` (levels), ``export-audio``.

Bad arguments and bad levels end with one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from game import __version__

DIFFICULTIES = ("easy", "normal", "hard")
SUBCOMMANDS = ("sim", "check", "export-audio")


class CliError(Exception):
    """A bad command line: reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{self.prog}: {message} (see --help)")


def _players(text: str) -> int:
    if text not in ("1", "2"):
        raise argparse.ArgumentTypeError("must be 1 or 2")
    return int(text)


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _scale(text: str) -> int:
    value = _non_negative(text)
    if not 1 <= value <= 12:
        raise argparse.ArgumentTypeError("must be 1-12")
    return value


def _seeds(text: str) -> list[int]:
    """``7``, ``1-50`` or ``1,4,9``."""
    try:
        out: list[int] = []
        for part in text.split(","):
            if "-" in part:
                a, b = part.split("-", 1)
                lo, hi = int(a), int(b)
                if hi < lo or hi - lo > 100_000:
                    raise ValueError
                out.extend(range(lo, hi + 1))
            else:
                out.append(int(part))
        return out
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected N, A-B or A,B,C, got {text!r}") from None


def play_parser() -> argparse.ArgumentParser:
    """Options of ``python main.py`` (the game window)."""
    p = _Parser(prog="redheat", description="Red Heat: a retro beat-'em-up. "
                f"Subcommands: {', '.join(SUBCOMMANDS)} (python main.py sim --help).")
    p.add_argument("--version", action="version", version=f"redheat {__version__}")
    p.add_argument("--level", metavar="NAME_OR_PATH", help="start straight in a level (hot reload on save)")
    p.add_argument("--scale", type=_scale, metavar="N", help="window scale factor (1-12)")
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    p.add_argument("--seed", type=_non_negative, default=0, help="random seed of the rules")
    p.add_argument("--record", metavar="FILE", help="record the session's inputs to a replay file")
    p.add_argument("--mute", action="store_true", help="no sound")
    p.add_argument("--difficulty", choices=DIFFICULTIES)
    p.add_argument("--players", type=_players, default=1, metavar="1|2")
    return p


def sim_parser() -> argparse.ArgumentParser:
    """Options of ``python main.py sim``."""
    p = _Parser(prog="redheat sim", description="Run the rules headless and print one JSON line.")
    p.add_argument("level", metavar="LEVEL", help="level name (bathhouse), .tmx path, builtin:corridor, "
                   "bonus:coal|bill|doors, or campaign")
    p.add_argument("--bot", action="store_true", help="the bot plays (else nobody touches the controls)")
    p.add_argument("--seed", type=_non_negative, default=0)
    p.add_argument("--seeds", type=_seeds, metavar="A-B",
                   help="balance report: one JSON line per seed (bot plays), then a summary line; "
                        "each with a feel object (docs/level-design.md)")
    p.add_argument("--ticks", type=_non_negative, default=None, help="stop after N ticks (default 15 min)")
    p.add_argument("--replay", metavar="FILE", help="play back a recorded replay and verify it")
    p.add_argument("--record", metavar="FILE", help="record the run to a replay file")
    p.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    p.add_argument("--players", type=_players, default=1, metavar="1|2")
    return p


def _print_json(obj: object) -> None:
    print(json.dumps(obj, separators=(", ", ": ")))


def run_sim(argv: Sequence[str]) -> int:
    """``python main.py sim``: exit 0 when the run worked, 1 on a replay desync, 2 on bad input."""
    args = sim_parser().parse_args(list(argv))
    from game import cli_bonus

    if cli_bonus.handles(args.level):   # bonus:NAME and campaign (game/cli_bonus.py)
        return cli_bonus.run(args)
    from game.cli_levels import load_level_for_cli
    from game.sim.runner import DEFAULT_MAX_TICKS, run

    max_ticks = args.ticks if args.ticks is not None else DEFAULT_MAX_TICKS
    if args.replay:
        return _run_replay(args, max_ticks)
    level = load_level_for_cli(args.level)
    if level is None:
        return 2
    if args.seeds:
        from game.sim.balance import report

        progress = _SeedProgress(len(args.seeds))
        _, summary = report(level, args.seeds, args.difficulty, args.players, max_ticks=max_ticks,
                            on_row=progress.row)
        progress.done()
        _print_json(summary)
        return 0
    if args.record:
        from game.sim.replay import Recorder
        from game.sim.runner import bot_input, idle_input
        from game.sim.world import World

        world = World(level, seed=args.seed, difficulty=args.difficulty, players=args.players)
        rec = Recorder(world)
        source = bot_input(world) if args.bot else idle_input
        while world.result is None and world.tick < max_ticks:
            rec.step(source(world))
        try:
            rec.finish().save(args.record)
        except OSError as e:
            raise CliError(f"cannot write replay {args.record}: {e.strerror or e}") from None
    else:
        world = run(level, seed=args.seed, difficulty=args.difficulty, players=args.players,
                    max_ticks=max_ticks, bot=args.bot)
    summary = world.summary()
    summary["why"] = why_it_ended(world, max_ticks, args.ticks is not None)
    _print_json(summary)
    return 0


def why_it_ended(world: Any, max_ticks: int, ticks_given: bool) -> str:
    """Why a ``sim`` run stopped, for the summary: the level's own end, its time_limit, or the tick budget."""
    level = world.level
    outro = getattr(world, "outro", None)
    if world.result == "cleared" and outro is not None:
        how = "was skipped" if outro.skipped else "played to its end"
        return f"cleared: every wave was beaten and the level's outro ({outro.kind}) {how}"
    if world.result == "cleared":
        return "cleared: every wave was beaten and a player reached the Exit"
    if world.result == "died":
        return "died: every player ran out of lives"
    if world.result == "timeout":
        return f"time_limit: the level's time_limit of {level.time_limit} s ran out (map property time_limit)"
    budget = "--ticks" if ticks_given else "the default --ticks"
    status = getattr(world, "wave_status", {})
    left = sorted({z.number for z in level.waves if status.get(z.number) != "cleared"})
    waves = f"; waves not cleared: {', '.join(map(str, left))}" if left else "; every wave was cleared"
    return (f"ticks: the run stopped at {budget} {max_ticks} ({max_ticks / 60:.0f} s of play) before the "
            f"level ended{waves}")


class _SeedProgress:
    """``sim --seeds``: each seed's line as soon as it finishes; "seed 12/50" on stderr at a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.count = total, 0
        self.tty = _isatty(sys.stderr)

    def row(self, row: dict) -> None:
        """Print one seed's summary now (flushed, so a pipe sees it at once)."""
        self.count += 1
        if self.tty:
            sys.stderr.write("\r\033[K")
        _print_json(row)
        sys.stdout.flush()
        if self.tty:
            sys.stderr.write(f"seed {self.count}/{self.total} done")
            sys.stderr.flush()

    def done(self) -> None:
        """Clear the progress line."""
        if self.tty:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _run_replay(args: argparse.Namespace, max_ticks: int) -> int:
    from game.cli_levels import load_level_for_cli
    from game.sim.replay import Replay, ReplayError, play_back

    try:
        replay = Replay.load(args.replay)
    except ReplayError as e:
        raise CliError(str(e)) from None
    if args.ticks is None:
        max_ticks = max(max_ticks, replay.ticks)   # a replay plays to its end unless --ticks says less
    level = load_level_for_cli(args.level)
    if level is None:
        return 2
    level_hash = level.file_hash or level.content_hash()
    if replay.level_hash and replay.level_hash != level_hash:
        print(f"redheat sim: warning: {args.replay} was recorded on a different version of "
              f"level {replay.level!r}; it may not replay the same", file=sys.stderr)
    try:
        verdict = play_back(replay, level, max_ticks)
    except ValueError as e:   # the world refused the replay's settings for this level
        raise CliError(f"{args.replay}: cannot play this replay ({e})") from None
    summary = verdict.world.summary()
    summary["replay"] = "ok" if verdict.ok else "desync"
    if verdict.world.tick < replay.ticks and verdict.ok:
        summary["replay_ticks"] = replay.ticks   # stopped early at --ticks: checked up to there
    if not verdict.ok:
        summary["desync_tick"] = verdict.first_bad_tick
        print(f"redheat sim: replay diverged at tick {verdict.first_bad_tick}: expected state "
              f"{verdict.expected}, got {verdict.actual}", file=sys.stderr)
    _print_json(summary)
    return 0 if verdict.ok else 1


def run_check(argv: Sequence[str]) -> int:
    """``python main.py check``: validate levels."""
    from game.tiled.check import main as check_main

    return check_main(list(argv))


def run_export_audio(argv: Sequence[str]) -> int:
    """``python main.py export-audio DIR``: write every track and effect as WAV; with ``--mixdown LEVEL
    [--seed N] [--mixdown-only]`` also the game mix of a bot run of LEVEL (see game/audio/export.py)."""
    from game.audio.export import main as export_main

    return export_main(list(argv))


def run_play(argv: Sequence[str]) -> int:
    """``python main.py [options]``: the game window."""
    args = play_parser().parse_args(list(argv))
    if args.level:
        from game.cli_levels import load_level_for_cli

        if load_level_for_cli(args.level) is None:
            return 2
    from game.app import LaunchOptions, run_game

    return run_game(LaunchOptions(level=args.level, scale=args.scale, fullscreen=args.fullscreen,
                                  seed=args.seed, record=args.record, mute=args.mute,
                                  difficulty=args.difficulty, players=args.players))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python main.py`` and the ``redheat`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"sim": run_sim, "check": run_check, "export-audio": run_export_audio}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return run_play(argv)
    except CliError as e:
        print(str(e), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except ImportError as e:   # a Python without the game's packages: say so, never blame the level
        from game.install import install_message, is_missing_dependency

        if not is_missing_dependency(e):
            raise
        print(install_message(e), file=sys.stderr)
        return 3
