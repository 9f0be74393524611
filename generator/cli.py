"""The command line, installed as ``http-status`` (also ``python3 -m generator``).

``http-status CODE|WORDS...`` looks a code up; ``check``, ``schema`` and ``preview`` are
the contributor's commands. The lookup reads the records of the checkout it runs in, or
else the copy packaged with it (generator/data), so it works from any folder, offline.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import webbrowser
from pathlib import Path

from generator import api, urls
from generator.headers import header_uses
from generator.loader import load_site
from generator.lookup import Found, find
from generator.model import CodeRecord
from generator.pages import class_src, code_src
from generator.problems import DataError
from generator.site import Site
from generator.terminal import CLASS_COLOURS, Writer, clean, colour_wanted, width_for

PROG = "http-status"
CHECKOUT = Path(__file__).resolve().parent.parent
# The records a wheel carries (pyproject.toml maps data/ to the package generator.data).
BUNDLED = Path(__file__).resolve().parent / "data"
# How many further matches a word lookup lists under the best one.
ALSO = 4


def default_data() -> Path:
    """The records to read: STATUS_DATA_DIR; else data/ of the checkout this package runs
    from (so an edited record shows at once); else the copy installed with the package."""
    override = os.environ.get("STATUS_DATA_DIR")
    if override:
        return Path(override)
    if (CHECKOUT / "mkdocs.yml").is_file() and (CHECKOUT / "data" / "codes").is_dir():
        return CHECKOUT / "data"
    return BUNDLED


def site_url() -> str:
    """The address pages are linked under: SITE_URL, as for a build, else the default."""
    return os.environ.get("SITE_URL") or urls.DEFAULT_SITE_URL


@functools.cache
def _loaded(data: Path) -> Site:
    """The data for lookups, loaded once per process (a lookup only reads it)."""
    return load_site(data)


def _error(message: str) -> None:
    print(f"{PROG}: {clean(message)}", file=sys.stderr)


# --------------------------------------------------------------------------- contributors


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

    if args.data == BUNDLED:
        _error("schema rewrites data/*.schema.json of a checkout: run it inside one")
        return 1
    try:
        for path in write_all(args.data):
            print(f"wrote {path}")
    except OSError as exc:
        _error(f"cannot write {exc.filename}: {exc.strerror}")
        return 1
    return 0


def _preview(args: argparse.Namespace) -> int:
    from generator.preview import serve

    return serve(args.directory, args.port)


# --------------------------------------------------------------------------- lookup


def _status_line(record: CodeRecord) -> str:
    spec = record.specification
    if spec is not None:
        return f"{spec.status_label} in the IANA registry · {spec.citation}"
    return f"Unofficial: not in the IANA registry · used by {record.vendor_names}"


def _title(out: Writer, record: CodeRecord) -> str:
    return out.style(f"{record.title}", "1;" + CLASS_COLOURS[record.class_digit])


def _one_line(out: Writer, record: CodeRecord, indent: str = "  ") -> None:
    """'429 Too Many Requests  The client sent ...', cut to the width."""
    mark = "" if record.registered else " (unofficial)"
    head = f"{record.title}{mark}"
    room = out.width - len(indent) - len(head) - 2
    tail = out.truncate(record.summary, room) if room > 10 else ""
    colour = CLASS_COLOURS[record.class_digit]
    out.line(indent + out.style(head, colour) + ("  " + out.dim(tail) if tail else ""))


def _heading(out: Writer, text: str) -> None:
    out.line()
    out.line(out.bold(text))


def describe(out: Writer, record: CodeRecord, site: Site, base: str) -> None:
    """Everything a reader needs to decide, in reading order."""
    out.line(_title(out, record))
    klass = site.classes[record.class_digit].title
    out.wrap(f"{klass} · {_status_line(record)}")
    out.line()
    out.wrap(record.summary)
    if record.when_to_use:
        _heading(out, "When to use")
        for item in record.when_to_use:
            out.markdown(item, "  ", bullet="• ")
    if record.when_not_to_use:
        _heading(out, "When not to use")
        for alt in record.when_not_to_use:
            out.markdown(alt.case, "  ", bullet="• ")
            instead = "; ".join(
                site.codes[c].title if c in site.codes else str(c) for c in alt.instead
            )
            out.wrap(f"Send instead: {instead}", "    ")
    for use in record.vendors:
        _heading(out, f"{use.vendor}: {use.phrase}" + (" (historic)" if use.historic else ""))
        out.markdown(use.meaning, "  ")
        unclear = " (origin unclear)" if use.origin_unclear else ""
        out.wrap(f"Source: {use.source}{unclear}", "  ", "    ")
    uses = header_uses(record)
    if uses:
        _heading(out, "Headers")
        for header in uses:
            where = "" if header.where == "response" else f" (in the {header.where})"
            level = header.requirement.upper()
            level += f", {header.condition}" if header.condition else ""
            out.line("  " + out.bold(header.name) + clean(where) + " " + out.dim(f"({level})"))
            out.markdown(header.purpose, "    ")
    _heading(out, "More")
    out.wrap(f"Page: {urls.absolute(base, urls.url_of(code_src(record.code)))}", "  ", "    ")
    if record.specification is not None:
        spec = record.specification
        out.wrap(f"Specification: {spec.citation} {spec.link}", "  ", "    ")


def _not_found(found: Found, site: Site) -> int:
    if found.kind == "not-a-code":
        text = found.query
        if len(text) > 3:
            _error(f"{text} is not a status code (status codes have three digits)")
        elif not 100 <= int(text) <= 599:
            _error(f"{text} is not a status code (status codes run from 100 to 599)")
        elif found.near:
            near = ", ".join(str(c) for c in found.near)
            _error(f"{text} is not a code on this site (codes starting with {text[:2]}: {near})")
        else:
            _error(f"{text} is not a code on this site")
    elif found.kind == "prefix":
        _error(f"no status code on this site starts with {found.query}")
    elif found.kind == "class":
        _error(f"no code of class {found.query} on this site")
    else:
        hint = f" (did you mean: {found.suggestion}?)" if found.suggestion else ""
        _error(f"no status code matches {found.query!r}{hint}")
    return 1


def _json(found: Found, site: Site, base: str) -> str:
    """The API's own document: the code's file, or an index of the codes listed."""
    if found.kind in ("code", "words"):
        return api.code_document(found.records[0], base, site)
    return api.index_document(list(found.records), base)


def _page_for(found: Found, base: str) -> str | None:
    if found.kind in ("code", "words"):
        return urls.absolute(base, urls.url_of(code_src(found.records[0].code)))
    if found.kind == "class" and found.digit is not None:
        return urls.absolute(base, urls.url_of(class_src(found.digit)))
    if len(found.records) == 1:
        return urls.absolute(base, urls.url_of(code_src(found.records[0].code)))
    return None


def _lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if not query:
        _error("nothing to look up (expected a code such as 429, or words such as 'rate limit')")
        return 2
    try:
        site = _loaded(args.data)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    found = find(site, query)
    if not found.records:
        return _not_found(found, site)
    base = site_url()
    if args.json:
        sys.stdout.write(_json(found, site, base))
        return 0
    if args.open:
        url = _page_for(found, base)
        if url is None:
            _error(f"{len(found.records)} codes start with {found.query}: name one to open it")
            return 1
        print(f"opening {url}", file=sys.stderr)
        if not webbrowser.open(url):
            _error(f"no web browser could be started; the page is {url}")
            return 1
        return 0
    out = Writer(colour=colour_wanted(sys.stdout), width=width_for(sys.stdout))
    if found.kind == "code":
        describe(out, found.records[0], site, base)
    elif found.kind == "words":
        if found.partial:
            out.line(out.dim(f"No code matches every word of {found.query!r}; the closest:"))
        describe(out, found.records[0], site, base)
        rest = found.records[1 : 1 + ALSO]
        if rest:
            _heading(out, "Also matching")
            for record in rest:
                _one_line(out, record)
            if len(found.records) > 1 + ALSO:
                out.line(out.dim(f"  and {len(found.records) - 1 - ALSO} more"))
    else:
        if found.kind == "class" and found.digit in site.classes:
            klass = site.classes[found.digit]
            out.line(out.style(klass.title, "1;" + CLASS_COLOURS[klass.digit]))
            out.wrap(klass.summary)
            out.wrap(f"Page: {urls.absolute(base, urls.url_of(class_src(klass.digit)))}")
            out.line()
        else:
            count = len(found.records)
            out.line(out.dim(f"{count} code{'s' * (count != 1)} starting with {found.query}:"))
        for record in found.records:
            _one_line(out, record)
    sys.stdout.write(out.text())
    return 0


# --------------------------------------------------------------------------- parsers

LOOKUP_HELP = """\
Look an HTTP status code up by number, class, the start of a number, or words.

examples:
  http-status 429            one code: meaning, when to use it and not, headers, page
  http-status teapot         words: the best match, then the next few
  http-status rate limit     several words need no quotes
  http-status 4xx            a class and its codes
  http-status 42             every code starting with 42
  http-status 404 --json     the code's document from the site's JSON API

other commands (run one with --help for more):
  http-status check [DATA]     validate the records without building the site
  http-status schema [DATA]    rewrite the JSON Schema files in data/
  http-status preview          serve the built site (site/) on 127.0.0.1
  http-status show QUERY       the same as http-status QUERY

Colour is used on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
SITE_URL sets the address of the page links (as for a build).
"""


def _lookup_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"{PROG} [--json | --open] CODE|WORDS...\n       {PROG} {{check,schema,preview}} ...",
        description=LOOKUP_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _lookup_arguments(parser)
    return parser


def _lookup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query", nargs="+", metavar="CODE|WORDS", help="429, 4xx, 42, teapot, rate limit, ..."
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print the code's JSON API document instead"
    )
    output.add_argument("--open", action="store_true", help="open the code's page in a browser")
    parser.add_argument("--data", type=Path, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(run=_lookup)


def _commands_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=LOOKUP_HELP.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check",
        help="validate the records without building the site",
        description="Validate the records and list every problem as file:line: field: what "
        "is wrong. Exit status 1 if there is any.",
    )
    check.add_argument("data", nargs="?", type=Path, default=None, help="default: data/")
    check.set_defaults(run=_check)
    schema = sub.add_parser(
        "schema",
        help="rewrite the JSON Schema files in data/",
        description="Write data/*.schema.json from the record model (after a model change).",
    )
    schema.add_argument("data", nargs="?", type=Path, default=None, help="default: data/")
    schema.set_defaults(run=_schema)
    preview = sub.add_parser(
        "preview",
        help="serve the built site on 127.0.0.1, with its not-found page",
        description="Serve a built site (python3 -m mkdocs build) on 127.0.0.1 as a static "
        "host would, answering missing paths with 404.html and status 404.",
    )
    preview.add_argument(
        "directory", nargs="?", type=Path, default=Path("site"), help="default: site/"
    )
    preview.add_argument("--port", type=int, default=8000, help="default: 8000")
    preview.set_defaults(run=_preview, data=None)
    show = sub.add_parser("show", help="the same as http-status QUERY", description=LOOKUP_HELP)
    show.formatter_class = argparse.RawDescriptionHelpFormatter
    _lookup_arguments(show)
    return parser


COMMANDS = ("check", "schema", "preview", "show")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _commands_parser() if argv and argv[0] in COMMANDS else _lookup_parser()
    args = parser.parse_args(argv)
    if getattr(args, "data", None) is None and args.run is not _preview:
        args.data = default_data()
    try:
        return args.run(args)
    except BrokenPipeError:
        # `http-status 4xx | head`: the reader left. Point stdout at nothing so that the
        # interpreter's own flush at exit does not complain (as the Python docs advise).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
