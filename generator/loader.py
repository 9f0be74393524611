"""Load every record under ``data/``, validate all of it, and fail once with every problem.

What the data folder holds is one table, ``DATA``: each entry names a folder of records
(or a single file), the file names it accepts, the model its files validate against and
where the loaded value goes in the Site. Three passes, each collecting problems instead
of stopping at the first:

1. each file is screened and parsed as UTF-8 YAML (generator.yamlsource);
2. each mapping validates against its model (types, required fields, unknown fields),
   with pydantic's errors told in the project's words (generator.messages);
3. the content rules (generator.rules) check each record and the site as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import clients, identity, rules
from generator.history import last_changed
from generator.messages import validation_problems
from generator.model import (
    ClassFile,
    CodeRecord,
    Comparison,
    Framework,
    Guide,
    HeaderRecord,
    OtherNumber,
    SnippetFile,
    VendorsFile,
)
from generator.problems import DataError, Problem, Source
from generator.site import Site
from generator.yamlsource import load_yaml

# The checks of one record depend on it alone: a serve rebuild that kept the record's
# objects (generator.incremental) keeps its problems too.
_check_record = identity.by_identity(rules.check_record)
_check_header = identity.by_identity(rules.check_header)


def _add_code(site: Site, source: Source, stem: str, record: CodeRecord) -> list[Problem]:
    problems = list(_check_record(record, source, stem))
    if record.code in site.codes:
        first = site.sources[("code", record.code)].name
        return [
            *problems,
            source.problem(
                ("code",),
                f"{record.code} already has a record in {first} (expected one record per code)",
            ),
        ]
    site.codes[record.code] = record
    site.sources[("code", record.code)] = source
    return problems


def _add_comparison(site: Site, source: Source, stem: str, group: Comparison) -> list[Problem]:
    site.comparisons[stem] = group
    site.sources[("comparison", stem)] = source
    return []


def _add_header(site: Site, source: Source, stem: str, header: HeaderRecord) -> list[Problem]:
    site.headers[stem] = header
    site.sources[("header", stem)] = source
    return list(_check_header(header, source, stem))


def _add_other(site: Site, source: Source, stem: str, other: OtherNumber) -> list[Problem]:
    site.others[stem] = other
    site.sources[("other", stem)] = source
    return []


def _add_vendors(site: Site, source: Source, stem: str, parsed: VendorsFile) -> list[Problem]:
    site.products = list(parsed.products)
    site.sources[("vendors",)] = source
    return []


def _add_classes(site: Site, source: Source, stem: str, parsed: ClassFile) -> list[Problem]:
    problems = []
    for i, item in enumerate(parsed.classes):
        if item.digit in site.classes:
            problems.append(
                source.problem(("classes", i, "digit"), f"class {item.digit}xx is described twice")
            )
        site.classes[item.digit] = item
    site.sources[("classes",)] = source
    return problems


def _add_guide(site: Site, source: Source, stem: str, guide: Guide) -> list[Problem]:
    site.guide = guide
    site.sources[("guide",)] = source
    return []


def _add_clients(
    site: Site, source: Source, stem: str, parsed: clients.ClientsFile
) -> list[Problem]:
    site.clients = parsed
    site.sources[("clients",)] = source
    return clients.check(parsed, source, set(site.codes) | site.unloadable)


def _add_framework(site: Site, source: Source, stem: str, framework: Framework) -> list[Problem]:
    site.frameworks[stem] = framework
    site.sources[("framework", stem)] = source
    return []


def _add_snippets(site: Site, source: Source, stem: str, parsed: SnippetFile) -> list[Problem]:
    site.snippets = parsed
    site.sources[("snippets",)] = source
    return []


@dataclass(frozen=True)
class Entry:
    """One part of the data folder: a folder of records, or one file."""

    path: str
    model: type[BaseModel]
    add: Callable[[Site, Source, str, Any], list[Problem]]
    # For folders: the file names accepted, and how to say so.
    pattern: re.Pattern[str] | None = None
    expected: str = ""
    required: bool = False

    @property
    def is_folder(self) -> bool:
        return self.pattern is not None


# Files named for their page: lower case words joined by hyphens (401-vs-403.yaml).
SLUG_FILE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$", re.ASCII)

DATA: tuple[Entry, ...] = (
    Entry(
        "codes",
        CodeRecord,
        _add_code,
        re.compile(r"^[0-9]{3}\.yaml$", re.ASCII),
        "a file named for its code, such as 404.yaml",
        required=True,
    ),
    Entry("classes.yaml", ClassFile, _add_classes, required=True),
    Entry(
        "comparisons",
        Comparison,
        _add_comparison,
        SLUG_FILE,
        "a file named for its page, in lower case with hyphens, such as 401-vs-403.yaml",
    ),
    Entry("guide.yaml", Guide, _add_guide),
    Entry(
        "frameworks",
        Framework,
        _add_framework,
        re.compile(r"^[a-z][a-z0-9]*\.yaml$", re.ASCII),
        "a file named for its framework's template, such as fastapi.yaml",
    ),
    Entry("snippets.yaml", SnippetFile, _add_snippets),
    # After the codes: the client tables name codes that must have records.
    Entry("clients.yaml", clients.ClientsFile, _add_clients),
    Entry(
        "headers",
        HeaderRecord,
        _add_header,
        SLUG_FILE,
        "a file named for its header field in lower case, such as retry-after.yaml",
    ),
    Entry(
        "other",
        OtherNumber,
        _add_other,
        SLUG_FILE,
        "a file named for its page, in lower case with hyphens, such as status-0.yaml",
    ),
    # Read last: it names vendor uses and other pages loaded above.
    Entry("vendors.yaml", VendorsFile, _add_vendors),
)


# --------------------------------------------------------------------------- files


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _outside(path: Path, root: Path) -> bool:
    """Whether ``path`` (a symbolic link, perhaps) resolves to somewhere outside ``root``."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


LEAVES = "is a symbolic link that leads outside the data folder (expected a file inside it)"


def _folder_files(root: Path, entry: Entry) -> tuple[list[Path], list[Problem]]:
    """The record files of one folder, and a problem for anything else found there.

    Hidden files (editors' swap files, .DS_Store) are left alone; every other entry must
    be a record file named as expected (``_read`` refuses one that leads outside).
    """
    folder = root / entry.path
    shown = Source(_display(folder, root))
    if not folder.exists():
        return [], []
    if not folder.is_dir():
        return [], [shown.file_problem("(folder)", "is not a folder (expected a folder)")]
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [], [shown.file_problem("(folder)", f"cannot be read: {exc.strerror or exc}")]
    files: list[Path] = []
    problems: list[Problem] = []
    assert entry.pattern is not None
    for path in entries:
        if path.name.startswith("."):
            continue
        source = Source(_display(path, root))
        if not entry.pattern.match(path.name):
            problems.append(
                source.file_problem("(file)", f"is not a record file (expected {entry.expected})")
            )
        elif not path.is_file() and not _outside(path, root):
            problems.append(source.file_problem("(file)", "is not a file (expected a file)"))
        else:
            files.append(path)
    return files, problems


def _read(file: Path, model: type[BaseModel], root: Path) -> tuple[Source, Any, list[Problem]]:
    """Parse one file and validate it against ``model``; collect the problems."""
    source = Source(_display(file, root))
    if _outside(file, root):
        return source, None, [source.file_problem("(file)", LEAVES)]
    located, problems = load_yaml(file, source.name)
    if located is None:
        return source, None, problems
    source.located = located
    try:
        return source, model.model_validate(located.data), problems
    except ValidationError as exc:
        return source, None, problems + validation_problems(exc, model, source)


# --------------------------------------------------------------------------- entry point


def load_site(root: Path, *, dates: bool = False, read: Callable = _read) -> Site:
    """Load and validate everything under ``root`` (the ``data/`` folder).

    With ``dates``, each file's last change is read from git history (for the pages'
    dateModified). ``read`` parses and validates one file (generator.incremental keeps
    its answers while serving). Raises DataError listing every problem; never returns
    half-valid data.
    """
    root = Path(root)
    if not root.is_dir():
        raise DataError([Problem(str(root), None, "(folder)", "does not exist (expected data/)")])
    site = Site(codes={}, classes={}, comparisons={})
    problems: list[Problem] = []
    for entry in DATA:
        if entry.is_folder:
            files, found = _folder_files(root, entry)
            problems += found
            if entry.required and not files and not found:
                shown = Source(_display(root / entry.path, root))
                problems.append(shown.file_problem("(folder)", "holds no records"))
        else:
            file = root / entry.path
            files = [file] if file.is_file() else []
            if entry.required and not files:
                problems.append(Source(_display(file, root)).file_problem("(file)", "is missing"))
        for file in files:
            source, parsed, found = read(file, entry.model, root)
            problems += found
            if parsed is not None:
                problems += entry.add(site, source, file.stem, parsed)
            elif entry.model is CodeRecord:
                site.unloadable.add(int(file.stem))
    problems += rules.check_site(site)
    if problems:
        raise DataError(problems)
    if dates:
        site.modified = last_changed(root)
    return site
