"""How clients react to a code: the model of ``data/clients.yaml`` and its rules.

Each cell of a code's table is one of three things, and says which:

- ``{measured: <value>}``: what the client did when the test suite ran it against a
  loopback server (tests/clientlab), with the version recorded on the client. The
  suite re-measures every such cell and fails when a run disagrees;
- ``{cited: <value>, source: <url>}``: what the client's own documentation or source says;
- ``not verified``: nobody has checked. Never a guess.

The columns and the values each may take are rules, here as data (``COLUMNS``): the data
file chooses which columns a code's table has by the cells it gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from generator.model import Markdown, PlainLine, StatusCode, Strict, Url
from generator.problems import Problem, Source

ClientId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
ColumnId = Literal[
    "result", "method", "body", "auth_same", "auth_cross", "retries", "retry_after", "caches"
]
NOT_VERIFIED = "not verified"


@dataclass(frozen=True)
class Column:
    label: str
    # The values a cell may take, each with the words the table prints for it.
    values: dict[str, str]


NOT_FOLLOWED = {"not-followed": "Not followed"}
COLUMNS: dict[str, Column] = {
    "result": Column(
        "What it does",
        {
            "follows": "Follows it",
            "returns": "Returns it to the caller",
            "raises": "Fails with an error",
            "skips": "Skips it, returns the final response",
            "stays": "Stays on the current page",
            "hangs": "Waits until the caller's own timeout",
        },
    ),
    "method": Column("POST becomes", {"GET": "GET", "POST": "POST (kept)", **NOT_FOLLOWED}),
    "body": Column("Request body", {"kept": "Sent again", "dropped": "Dropped", **NOT_FOLLOWED}),
    "auth_same": Column(
        "Authorization, same host",
        {"kept": "Sent again", "dropped": "Dropped", **NOT_FOLLOWED},
    ),
    "auth_cross": Column(
        "Authorization, other host",
        {"kept": "Sent again", "dropped": "Dropped", **NOT_FOLLOWED},
    ),
    "retries": Column("Retries on its own", {"no": "No", "yes": "Yes"}),
    "retry_after": Column(
        "Honours Retry-After",
        {"yes": "Yes: waits before retrying", "no": "No", "no-retry": "Does not retry"},
    ),
    "caches": Column(
        "Caches and revalidates",
        {
            "revalidates": "Yes: revalidates with If-None-Match",
            "no": "No cache: asks again in full",
        },
    ),
}


class Client(Strict):
    id: ClientId = Field(description="Short id used in the cells: 'curl', 'node-fetch'.")
    name: PlainLine = Field(description="The row's label: 'Chromium, fetch()'.")
    setup: PlainLine | None = Field(
        default=None, description="How it was called, if not plain defaults: 'curl -L'."
    )
    version: PlainLine | None = Field(
        default=None,
        description="The version the measured cells were measured with; none if never run.",
    )


class Measured(Strict):
    measured: str = Field(description="What the run showed, one of the column's values.")


class Cited(Strict):
    cited: str = Field(description="What the source says, one of the column's values.")
    source: Url = Field(description="The client's own documentation or source code.")


def _cell_kind(value: object) -> str:
    if isinstance(value, dict):
        return "cited" if "cited" in value else "measured"
    return "unchecked"


# Told apart by their keys, so that a bad cell gets one message, not one per kind.
Cell = Annotated[
    Annotated[Measured, Tag("measured")]
    | Annotated[Cited, Tag("cited")]
    | Annotated[Literal["not verified"], Tag("unchecked")],
    Discriminator(_cell_kind),
]


class CodeReactions(Strict):
    code: StatusCode = Field(description="The status code this table is for.")
    scenario: Markdown = Field(
        description="What the test server sent and what the clients were asked to do."
    )
    cells: dict[ClientId, dict[ColumnId, Cell]] = Field(
        description="Per client, per column: a measured or cited value, or 'not verified'."
    )


class ClientsFile(Strict):
    clients: list[Client] = Field(min_length=1, description="The table's rows, in order.")
    codes: list[CodeReactions] = Field(
        description="Per status code, the cells of its 'How clients react' table."
    )

    def of(self, code: int) -> CodeReactions | None:
        return next((r for r in self.codes if r.code == code), None)


# --------------------------------------------------------------------------- rules


def check(data: ClientsFile, source: Source, known_codes: set[int]) -> list[Problem]:
    """Cells name known clients and columns' own values; every row has every column."""
    problems: list[Problem] = []
    clients = {c.id: c for c in data.clients}
    seen: set[str] = set()
    for i, client in enumerate(data.clients):
        if client.id in seen:
            problems.append(source.problem(("clients", i, "id"), f"{client.id!r} is listed twice"))
        seen.add(client.id)
    tables: set[int] = set()
    for n, reactions in enumerate(data.codes):
        code = reactions.code
        base = ("codes", n)
        if code in tables:
            problems.append(source.problem((*base, "code"), f"{code} has two tables"))
        tables.add(code)
        if known_codes and code not in known_codes:
            problems.append(source.problem((*base, "code"), f"{code} has no record in data/codes"))
        columns = {col for row in reactions.cells.values() for col in row}
        missing_rows = [c for c in clients if c not in reactions.cells]
        if missing_rows:
            problems.append(
                source.problem(
                    (*base, "cells"),
                    f"no row for {', '.join(missing_rows)} (expected every client; "
                    "write 'not verified' where nobody has checked)",
                )
            )
        for client_id, row in reactions.cells.items():
            where = (*base, "cells", client_id)
            if client_id not in clients:
                problems.append(
                    source.problem(
                        where,
                        f"unknown client {client_id!r} (expected one of {', '.join(clients)})",
                    )
                )
                continue
            absent = sorted(columns - set(row))
            if absent:
                problems.append(
                    source.problem(
                        where,
                        f"no cell for {', '.join(absent)} (expected the same columns in every "
                        "row: write 'not verified' where nobody has checked)",
                    )
                )
            for column_id, cell in row.items():
                problems += _check_cell(
                    source, (*where, column_id), column_id, cell, clients[client_id]
                )
    return problems


def _check_cell(
    source: Source, path: tuple, column_id: str, cell: Cell, client: Client
) -> list[Problem]:
    if isinstance(cell, str):
        return []
    value = cell.measured if isinstance(cell, Measured) else cell.cited
    key = "measured" if isinstance(cell, Measured) else "cited"
    allowed = COLUMNS[column_id].values
    if value not in allowed:
        return [
            source.problem(
                (*path, key),
                f"{value!r} is not a value of {column_id} (expected one of {', '.join(allowed)})",
            )
        ]
    if isinstance(cell, Measured) and client.version is None:
        return [
            source.problem(
                (*path, key),
                f"measured, but client {client.id!r} has no version (expected the version "
                "the run used, on the client)",
            )
        ]
    return []


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class ShownCell:
    text: str
    how: Literal["measured", "cited", "not verified"]
    version: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Table:
    scenario: str
    columns: list[tuple[str, str]]  # (id, label)
    rows: list[tuple[Client, list[ShownCell]]]


def table_for(data: ClientsFile | None, code: int) -> Table | None:
    """The "How clients react" table of one code, or None when the data has none."""
    reactions = data.of(code) if data is not None else None
    if reactions is None:
        return None
    used = {col for row in reactions.cells.values() for col in row}
    columns = [(c, COLUMNS[c].label) for c in COLUMNS if c in used]
    rows = []
    for client in data.clients:
        row = reactions.cells.get(client.id, {})
        rows.append((client, [_shown(row.get(c, NOT_VERIFIED), c, client) for c, _ in columns]))
    return Table(reactions.scenario, columns, rows)


def _shown(cell: Cell, column_id: str, client: Client) -> ShownCell:
    values = COLUMNS[column_id].values
    if isinstance(cell, Measured):
        return ShownCell(values[cell.measured], "measured", version=client.version)
    if isinstance(cell, Cited):
        return ShownCell(values[cell.cited], "cited", source=cell.source)
    return ShownCell("Not verified", "not verified")
