"""Commands: ``check`` validates data/, ``schema`` writes the JSON Schemas, ``show`` looks a
code up in the terminal. Installed as ``http-status`` too (``http-status show 429``)."""

from __future__ import annotations

import argparse
import functools
import os
import sys
import textwrap
from pathlib import Path

from generator.loader import load_site
from generator.problems import DataError

REPO_DATA = Path(__file__).resolve().parent.parent / "data"


def default_data() -> Path:
    """The data folder the build would use: STATUS_DATA_DIR, else data/ of the checkout."""
    override = os.environ.get("STATUS_DATA_DIR")
    return Path(override) if override else REPO_DATA


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

    try:
        for path in write_all(args.data):
            print(f"wrote {path}")
    except OSError as exc:
        print(f"error: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def _wrap(text: str, indent: str = "  ", hang: str = "    ") -> str:
    from generator.jsonld import plain

    return textwrap.fill(plain(text), width=88, initial_indent=indent, subsequent_indent=hang)


def _describe(record) -> str:
    lines = [f"{record.code} {record.phrase}"]
    spec = record.specification
    if spec:
        lines.append(f"{record.class_slug} {record.class_name} · {spec.status_label.lower()}")
    else:
        lines.append(
            f"{record.class_slug} {record.class_name} · unofficial · used by {record.vendor_names}"
        )
    lines += ["", _wrap(record.summary, "", "")]
    if record.when_to_use:
        lines += ["", "When to use:"]
        lines += [_wrap("- " + item) for item in record.when_to_use]
    if record.when_not_to_use:
        lines += ["", "When not to use:"]
        for alt in record.when_not_to_use:
            instead = ", ".join(str(c) for c in alt.instead)
            lines.append(_wrap(f"- {alt.case} Instead: {instead}."))
    for use in record.vendors:
        lines += ["", f"{use.vendor}: {use.phrase}", _wrap(use.meaning, "  ", "  ")]
    lines.append("")
    if spec:
        lines.append(f"Specification: {spec.citation} <{spec.link}>")
    else:
        lines += [f"Source ({use.vendor}): {use.source}" for use in record.vendors]
    return "\n".join(lines)


@functools.cache
def _loaded(data: Path):
    """The data for lookups, loaded once per process (a lookup only reads it)."""
    return load_site(data)


def _show(args: argparse.Namespace) -> int:
    query = args.code.strip()
    if not query.isdigit() or not 1 <= len(query) <= 3:
        print(
            f"error: {query!r} is not a status code (expected 1 to 3 digits, e.g. 429 or 42)",
            file=sys.stderr,
        )
        return 2
    try:
        site = _loaded(args.data)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if len(query) == 3:
        if int(query) in site.codes:
            print(_describe(site.codes[int(query)]))
            return 0
        near = [str(c) for c in site.codes_for_number(query)]
        hint = f" (codes starting with {query[:2]}: {', '.join(near)})" if near else ""
        print(f"error: {query} is not a code on this site{hint}", file=sys.stderr)
        return 1
    matches = [site.codes[c] for c in site.codes_for_number(query)]
    if not matches:
        print(f"error: no status code starts with {query} on this site", file=sys.stderr)
        return 1
    for record in matches:
        kind = "" if record.registered else "  (unofficial)"
        print(f"{record.code}  {record.phrase}{kind}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ without building the site")
    check.add_argument("data", nargs="?", type=Path, default=None)
    check.set_defaults(run=_check)
    schema = sub.add_parser("schema", help="write the JSON Schema files into data/")
    schema.add_argument("data", nargs="?", type=Path, default=None)
    schema.set_defaults(run=_schema)
    show = sub.add_parser("show", help="print a code's summary, or list codes by prefix")
    show.add_argument("code", help="a code (429) or the start of one (42)")
    show.add_argument("--data", type=Path, default=None, help=argparse.SUPPRESS)
    show.set_defaults(run=_show)
    args = parser.parse_args(argv)
    if args.data is None:
        args.data = default_data()
    return args.run(args)
