"""``sim bonus:NAME`` and ``sim campaign``: the headless forms of the bonus games and the campaign chain.

Called from :func:`game.cli.run_sim` with the parsed ``sim`` arguments; prints JSON lines like the
brawl's ``sim``. Exit 0 when the run worked, 1 when a replay diverges, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.sim.moves import DataError


def _print_json(obj: object) -> None:
    print(json.dumps(obj, separators=(", ", ": ")))


def handles(level: str) -> bool:
    """Is this LEVEL argument one of ours?"""
    return level == "campaign" or level.startswith("bonus:")


def run(args: argparse.Namespace) -> int:
    """Dispatch ``sim bonus:NAME`` or ``sim campaign``."""
    from game.cli import CliError

    try:
        if args.level == "campaign":
            return _campaign(args)
        return _bonus(args)
    except DataError as e:
        raise CliError(f"redheat sim: {e}") from None


def _bonus(args: argparse.Namespace) -> int:
    from game.cli import CliError
    from game.sim.bonus import GAMES, game_name
    from game.sim.bonus import runner as br

    name = game_name(args.level) or ""
    if name not in GAMES:
        raise CliError(f"redheat sim: unknown bonus game {args.level!r} "
                       f"(known: {', '.join('bonus:' + g for g in GAMES)})")
    max_ticks = args.ticks if args.ticks is not None else br.MAX_TICKS
    if args.replay:
        return _bonus_replay(args, name)
    if args.seeds:
        rows, summary = br.report(name, args.seeds, args.players)
        for row in rows:
            _print_json(row)
        _print_json(summary)
        return 0
    if args.record:
        session, rep = br.record(name, seed=args.seed, players=args.players, bot=args.bot,
                                 max_ticks=max_ticks)
        try:
            rep.save(args.record)
        except OSError as e:
            raise CliError(f"cannot write replay {args.record}: {e.strerror or e}") from None
    else:
        session = br.run(name, seed=args.seed, players=args.players, bot=args.bot, max_ticks=max_ticks)
    _print_json(session.summary())
    return 0


def _bonus_replay(args: argparse.Namespace, name: str) -> int:
    from game.cli import CliError
    from game.sim.bonus import runner as br
    from game.sim.bonus.base import tuning_hash
    from game.sim.replay import Replay, ReplayError

    try:
        rep = Replay.load(args.replay)
    except ReplayError as e:
        raise CliError(str(e)) from None
    if rep.level != f"bonus:{name}":
        raise CliError(f"redheat sim: {args.replay} is a replay of {rep.level!r}, not bonus:{name}")
    if rep.level_hash and rep.level_hash != tuning_hash():
        print(f"redheat sim: warning: {args.replay} was recorded with other bonus tuning "
              "(assets/data/bonus.json); it may not replay the same", file=sys.stderr)
    session, bad, want, got = br.play_back(rep, name)
    summary = session.summary()
    summary["replay"] = "ok" if bad is None else "desync"
    if bad is not None:
        summary["desync_tick"] = bad
        print(f"redheat sim: replay diverged at tick {bad}: expected state {want}, got {got}",
              file=sys.stderr)
    _print_json(summary)
    return 0 if bad is None else 1


def _campaign(args: argparse.Namespace) -> int:
    from game.cli import CliError
    from game.sim.campaign import CampaignError, report, run_campaign

    if args.replay or args.record:
        raise CliError("redheat sim: campaign runs cannot be recorded or replayed (record a level or a "
                       "bonus game instead)")
    try:
        if args.seeds:
            rows, summary = report(args.seeds, args.difficulty, args.players)
            for row in rows:
                _print_json(row)
            _print_json(summary)
            return 0
        for line in run_campaign(seed=args.seed, difficulty=args.difficulty, players=args.players,
                                 bot=args.bot, max_ticks=args.ticks):
            _print_json(line)
    except CampaignError as e:
        raise CliError(f"redheat sim: {e}") from None
    return 0
