"""The static JSON API: the same records that make the pages, as files under /api/v1/.

Field names here are a promise: within v1 fields are only ever added, never renamed or
removed. Output is compact and in a fixed order, and reads no clock.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator import headers, schema, snippets, urls
from generator.clients import ClientsFile, table_for
from generator.columns import COLUMNS
from generator.jsonld import absolute, plain
from generator.meanings import meanings
from generator.model import CheckedApi, CodeRecord, Guide, HeaderRecord, RegistryStatus
from generator.pages import GUIDE_SRC, code_src, comparison_src, header_src
from generator.site import Site

VERSION = "v1"
PREFIX = f"api/{VERSION}"
# Where each file is published, under the site root: the API page prints these.
INDEX = f"{PREFIX}/codes.json"
COMPARISONS = f"{PREFIX}/comparisons.json"
GUIDE = f"{PREFIX}/guide.json"
HEADERS = f"{PREFIX}/headers.json"


def code_path(code: int | str) -> str:
    return f"{PREFIX}/codes/{code}.json"


def header_path(slug: str) -> str:
    return f"{PREFIX}/headers/{slug}.json"


def schema_path(name: str) -> str:
    return f"{PREFIX}/{name}"


class _Api(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiSpecification(_Api):
    document: str
    section: str | None
    url: str = Field(description="Link to the defining section.")


class ApiCodeSummary(_Api):
    code: int
    phrase: str
    class_: str = Field(alias="class", description="'2xx'")
    class_name: str = Field(description="'Successful'")
    summary: str
    registered: bool = Field(description="In the IANA registry, or a vendor code.")
    status: RegistryStatus | None = Field(description="Registry status; null when unofficial.")
    registry_entry: str | None = Field(
        default=None,
        description=(
            "What the IANA registry writes after the phrase: '', '(Unused)', "
            "'(TEMPORARY - registered ..., expires ...)' or '(OBSOLETED)'; null when unofficial."
        ),
    )
    vendors: list[str] = Field(description="Vendors using the number (unofficial uses).")
    previous_names: list[str]
    specification: ApiSpecification | None
    url: str = Field(description="The code's page.")
    api_url: str = Field(description="The code's full record.")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ApiIndex(_Api):
    version: str
    count: int
    codes: list[ApiCodeSummary]


class ApiAlternative(_Api):
    case: str
    instead: list[int]


class ApiFaq(_Api):
    question: str
    answer: str


class ApiPlain(_Api):
    """Markdown fields of the record, as plain text."""

    meaning: str
    when_to_use: list[str]
    when_not_to_use: list[ApiAlternative]
    best_practices: list[str]
    common_mistakes: list[str]
    faq: list[ApiFaq]


class ApiClientCell(_Api):
    how: Literal["measured", "cited", "not verified"]
    value: str | None = Field(description="The value's id (generator.clients); null if unchecked.")
    text: str = Field(description="The cell as the page prints it.")
    version: str | None = Field(description="Measured cells: the client version measured.")
    source: str | None = Field(description="Cited cells: the documentation or source cited.")


class ApiClientRow(_Api):
    client: str
    name: str
    setup: str | None
    cells: dict[str, ApiClientCell] = Field(description="Column id to cell.")


class ApiClients(_Api):
    scenario: str = Field(description="What the test server sent, as plain text.")
    columns: dict[str, str] = Field(description="Column id to its label, in table order.")
    rows: list[ApiClientRow]


class ApiMeaning(_Api):
    who: str = Field(description="'IANA registry (RFC 9110)' or the vendor.")
    phrase: str
    registered: bool
    seen: Literal["client", "logs", "client-and-logs", "body", "internal"]
    status: Literal["current", "deprecated", "historic", "disputed"]
    source: str
    source_title: str
    grade: Literal["primary", "secondary"]


class ApiSnippet(_Api):
    framework: str = Field(description="The framework's id: 'fastapi', 'go', ...")
    label: str = Field(description="Its name as the page's tab shows it.")
    language: str
    checked_by: str = Field(
        description="'test': run in the site's tests; 'docs': API names checked in its docs."
    )
    version: str = Field(description="The version run, or the documentation's version.")
    text: str | None = Field(description="The snippet exactly as the page shows it; or null.")
    reason: str | None = Field(description="Why this framework has no snippet; or null.")
    checked: list[CheckedApi] = Field(
        description="Every API name the framework's snippets use, with the page confirming it."
    )


class ApiSend(_Api):
    """The "Send it from your framework" section."""

    method: str | None = Field(description="The request method each snippet answers.")
    headers: dict[str, str] = Field(description="The header fields each snippet sends.")
    not_sent: str | None = Field(
        description="Plain text: why applications do not send this code themselves; or null."
    )
    snippets: list[ApiSnippet]


class ApiCode(_Api):
    version: str
    code: int
    url: str
    summary: ApiCodeSummary
    record: CodeRecord = Field(description="The record exactly as in data/, text as Markdown.")
    plain: ApiPlain
    clients: ApiClients | None = Field(
        default=None,
        description="How clients react to this code (data/clients.yaml); null if untabled.",
    )
    meanings: list[ApiMeaning] = Field(
        description="Every meaning of the number: the registered one first, then each vendor's."
    )
    send: ApiSend | None = Field(
        default=None,
        description="Framework snippets for the code (registered codes); null otherwise.",
    )


class ApiRow(_Api):
    code: int
    title: str
    url: str
    cells: dict[str, str] = Field(description="Column name to cell text (Markdown).")
    verdict: str | None


class ApiComparison(_Api):
    slug: str
    title: str
    summary: str
    url: str
    codes: list[int]
    columns: list[str]
    column_labels: dict[str, str]
    rows: list[ApiRow]
    how_to_choose: list[str]


class ApiComparisons(_Api):
    version: str
    comparisons: list[ApiComparison]


class ApiGuide(_Api):
    version: str
    url: str
    guide: Guide


class ApiHeaderUse(_Api):
    code: int
    where: Literal["request", "response"]
    requirement: Literal["must", "should", "may"]
    condition: str | None = Field(description="When the requirement holds, if not always.")
    purpose: str = Field(description="What the field does with this code (Markdown).")
    url: str = Field(description="The code's page.")


class ApiHeaderSummary(_Api):
    name: str
    summary: str
    defined_in: str = Field(description="'RFC 9110, section 10.2.3'")
    url: str = Field(description="The header's page.")
    api_url: str = Field(description="The header's full document.")


class ApiHeaders(_Api):
    version: str
    count: int
    headers: list[ApiHeaderSummary]


class ApiHeader(_Api):
    version: str
    name: str
    url: str
    specification_url: str = Field(description="Link to the defining section.")
    record: HeaderRecord = Field(description="The record exactly as in data/headers/.")
    uses: list[ApiHeaderUse] = Field(
        description=(
            "Every code whose page lists the field, with the level and condition the page "
            "shows: derived from the code records and the RFC rules."
        )
    )


SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    # The record schema is the one contributors' editors use (data/code.schema.json).
    "schema.json": (CodeRecord, "HTTP status code record"),
    "codes.schema.json": (ApiIndex, "API v1: index of all codes"),
    "code.schema.json": (ApiCode, "API v1: one code"),
    "comparisons.schema.json": (ApiComparisons, "API v1: comparison tables"),
    "guide.schema.json": (ApiGuide, "API v1: decision guide"),
    "headers.schema.json": (ApiHeaders, "API v1: index of header fields"),
    "header.schema.json": (ApiHeader, "API v1: one header field"),
}


def summary(record: CodeRecord, site_url: str) -> ApiCodeSummary:
    spec = record.specification
    return ApiCodeSummary(
        code=record.code,
        phrase=record.phrase,
        class_=record.class_slug,
        class_name=record.class_name,
        summary=record.summary,
        registered=record.registered,
        status=spec.status if spec else None,
        registry_entry=spec.registry_entry if spec else None,
        vendors=sorted({v.vendor for v in record.vendors}),
        previous_names=[p.name for p in spec.previous_names] if spec else [],
        specification=(
            ApiSpecification(document=spec.document, section=spec.section, url=spec.link)
            if spec
            else None
        ),
        url=absolute(site_url, code_src(record.code)),
        api_url=urls.absolute(site_url, code_path(record.code)),
    )


def client_table(data: ClientsFile | None, code: int) -> ApiClients | None:
    table = table_for(data, code)
    reactions = data.of(code) if data is not None else None
    if table is None or reactions is None:
        return None
    rows = []
    for client, shown in table.rows:
        given = reactions.cells.get(client.id, {})
        cells = {}
        for (column, _), cell in zip(table.columns, shown, strict=True):
            raw = given.get(column)
            value = getattr(raw, "measured", None) or getattr(raw, "cited", None)
            cells[column] = ApiClientCell(
                how=cell.how, value=value, text=cell.text, version=cell.version, source=cell.source
            )
        rows.append(
            ApiClientRow(client=client.id, name=client.name, setup=client.setup, cells=cells)
        )
    return ApiClients(scenario=plain(table.scenario), columns=dict(table.columns), rows=rows)


def send(site: Site, record: CodeRecord) -> ApiSend | None:
    params = snippets.params_of(site, record)
    if params is None:
        return None
    tabs = snippets.tabs(site, record)
    return ApiSend(
        method=None if params.not_sent else params.method,
        headers={} if params.not_sent else dict(params.headers),
        not_sent=plain(params.not_sent) if params.not_sent else None,
        snippets=[
            ApiSnippet(
                framework=tab.id,
                label=tab.framework.label,
                language=tab.framework.language,
                checked_by=tab.framework.checked_by,
                version=tab.framework.version,
                text=tab.snippet.text if tab.snippet else None,
                reason=tab.reason,
                checked=tab.framework.apis,
            )
            for tab in tabs
        ],
    )


def code_file(record: CodeRecord, site_url: str, site: Site | None = None) -> ApiCode:
    return ApiCode(
        version=VERSION,
        code=record.code,
        url=absolute(site_url, code_src(record.code)),
        summary=summary(record, site_url),
        record=record,
        plain=ApiPlain(
            meaning=plain(record.meaning),
            when_to_use=[plain(t) for t in record.when_to_use],
            when_not_to_use=[
                ApiAlternative(case=plain(a.case), instead=a.instead)
                for a in record.when_not_to_use
            ],
            best_practices=[plain(t) for t in record.best_practices],
            common_mistakes=[plain(t) for t in record.common_mistakes],
            faq=[ApiFaq(question=f.question, answer=plain(f.answer)) for f in record.faq],
        ),
        clients=client_table(site.clients if site is not None else None, record.code),
        meanings=[ApiMeaning(**dataclasses.asdict(m)) for m in meanings(record)],
        send=send(site, record) if site is not None else None,
    )


def comparisons_file(site: Site, site_url: str) -> ApiComparisons:
    groups = []
    for slug, group in sorted(site.comparisons.items()):
        verdicts = {v.code: v.verdict for v in group.verdicts}
        groups.append(
            ApiComparison(
                slug=slug,
                title=group.title,
                summary=group.summary,
                url=absolute(site_url, comparison_src(slug)),
                codes=group.codes,
                columns=list(group.columns),
                column_labels={c: COLUMNS[c].label for c in group.columns},
                rows=[
                    ApiRow(
                        code=code,
                        title=site.codes[code].title,
                        url=absolute(site_url, code_src(code)),
                        cells={c: COLUMNS[c].value(site.codes[code]) for c in group.columns},
                        verdict=verdicts.get(code),
                    )
                    for code in group.codes
                ],
                how_to_choose=group.how_to_choose,
            )
        )
    return ApiComparisons(version=VERSION, comparisons=groups)


def header_summary(header: HeaderRecord, site_url: str) -> ApiHeaderSummary:
    return ApiHeaderSummary(
        name=header.name,
        summary=header.summary,
        defined_in=header.defined_in.citation,
        url=absolute(site_url, header_src(header.name)),
        api_url=urls.absolute(site_url, header_path(header.slug)),
    )


def header_file(
    site: Site, header: HeaderRecord, site_url: str, index: headers.Carriers | None = None
) -> ApiHeader:
    return ApiHeader(
        version=VERSION,
        name=header.name,
        url=absolute(site_url, header_src(header.name)),
        specification_url=header.defined_in.link,
        record=header,
        uses=[
            ApiHeaderUse(
                code=code,
                where=use.where,
                requirement=use.requirement,
                condition=use.condition,
                purpose=use.purpose,
                url=absolute(site_url, code_src(code)),
            )
            for code, use in headers.carriers(site, header.name, index)
        ],
    )


def _dump(model: BaseModel) -> str:
    data = model.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def code_document(record: CodeRecord, site_url: str, site: Site | None = None) -> str:
    """The text of a code's file (``code_path``), as published."""
    return _dump(code_file(record, site_url, site))


def index_document(records: list[CodeRecord], site_url: str) -> str:
    """The text of the index (``INDEX``) of ``records``."""
    return _dump(
        ApiIndex(version=VERSION, count=len(records), codes=[summary(r, site_url) for r in records])
    )


def _code_document_in(code: int, site_url: str, site: Site) -> str:
    return code_document(site.codes[code], site_url, site)


# Makes each of several files from the site, given as functions of the site: by default
# by calling them; generator.incremental.keeper keeps, while serving, the previous
# build's text of a file when nothing it read from the site has changed.
Keep = Callable[[dict[str, Callable[[Site], str]]], dict[str, str]]


def api_files(site: Site, site_url: str, keep: Keep | None = None) -> dict[str, str]:
    """Every API file, by path under the site root."""
    records = [site.codes[c] for c in sorted(site.codes)]
    files = {
        INDEX: index_document(records, site_url),
        COMPARISONS: _dump(comparisons_file(site, site_url)),
    }
    code_files = {
        code_path(record.code): functools.partial(_code_document_in, record.code, site_url)
        for record in records
    }
    if keep is None:
        files.update((path, make(site)) for path, make in code_files.items())
    else:
        files.update(keep(code_files))
    if site.guide is not None:
        files[GUIDE] = _dump(
            ApiGuide(version=VERSION, url=absolute(site_url, GUIDE_SRC), guide=site.guide)
        )
    if site.headers:
        ordered = [site.headers[slug] for slug in sorted(site.headers)]
        files[HEADERS] = _dump(
            ApiHeaders(
                version=VERSION,
                count=len(ordered),
                headers=[header_summary(h, site_url) for h in ordered],
            )
        )
        index = headers.carriers_by_name(site)
        for header in ordered:
            files[header_path(header.slug)] = _dump(header_file(site, header, site_url, index))
    for name, (model, title) in SCHEMAS.items():
        files[schema_path(name)] = schema.render(model, title)
    return files
