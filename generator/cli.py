"""Contributor commands: ``python -m generator check`` and ``python -m generator schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.loader import load_site
from generator.problems import DataError

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def _check(args: argparse.Namespace) -> int:
    try:
        site = load_site(args.data)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(
        f"ok: {len(site.codes)} codes, {len(site.comparisons)} comparisons, "
        f"{len(site.classes)} classes in {args.data}"
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import write_all

    for path in write_all(args.data):
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ without building the site")
    check.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    check.set_defaults(run=_check)
    schema = sub.add_parser("schema", help="write the JSON Schema files into data/")
    schema.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    schema.set_defaults(run=_schema)
    args = parser.parse_args(argv)
    return args.run(args)
