"""The record model: one definition for typed objects, validation and the JSON Schema.

Every field carries a description; ``python -m generator schema`` publishes the models
as JSON Schema (``data/*.schema.json``) so that editors check records while people type.
Fields are strict: YAML's ``no`` (a boolean), a bare date or a number never pass for
text. What can be derived (class, URL, title, registered or not) is derived here.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from generator import prose

# --------------------------------------------------------------------------- text types


def _visible(value: str) -> str:
    match = prose.INVISIBLE.search(value)
    if match:
        char = match.group()
        name = unicodedata.name(char, "a control character")
        line = value.count("\n", 0, match.start()) + 1
        where = f" on line {line} of the text" if "\n" in value else ""
        raise ValueError(
            f"contains the invisible character U+{ord(char):04X} ({name}){where} "
            "(expected visible text: remove it)"
        )
    return value


class Prose(str):
    """Record Markdown: printed on a page as the safe HTML that generator.prose makes."""

    __slots__ = ()


def _markdown(value: str) -> Prose:
    if not value.strip():
        raise ValueError("empty text (expected at least one sentence)")
    _visible(value)
    rendered = prose.render(value.strip())
    if rendered.problems:
        raise ValueError("; ".join(rendered.problems))
    return Prose(value.strip())


def _plain_line(value: str) -> str:
    if not value.strip():
        raise ValueError("empty text (expected a short line of plain text)")
    if "\n" in value.strip():
        raise ValueError("spans several lines (expected a single line)")
    return _visible(value.strip())


def _title_safe(value: str) -> str:
    if not value.strip():
        raise ValueError("empty text (expected a short line of plain text)")
    bad = sorted({c for c in value if c in '<>"'})
    if bad:
        shown = " ".join(bad)
        raise ValueError(
            f'contains {shown} (expected plain text without < > or ": this text becomes '
            "the page title and meta description)"
        )
    if re.search(r"[`*_\[\]{}|]", value):
        raise ValueError(
            "contains Markdown markup (expected plain text: this becomes the page title "
            "and meta description)"
        )
    return _plain_line(value)


def _url(value: str) -> str:
    problem = prose.external_url_problem(value)
    if problem:
        raise ValueError(f"{value[:60]!r} {problem}")
    return value


# Block Markdown (paragraphs, lists, emphasis, code, links), rendered by generator.prose.
Markdown = Annotated[str, AfterValidator(_markdown)]
# One line of plain text, printed as text: Markdown in it shows as typed.
PlainLine = Annotated[str, AfterValidator(_plain_line)]
# Plain text without markup characters: page titles and meta descriptions.
TitleText = Annotated[str, AfterValidator(_title_safe)]
# A raw HTTP message or a log line, shown as code.
RawText = Annotated[str, AfterValidator(_visible)]
# An absolute http(s) URL, parsed rather than pattern-matched.
Url = Annotated[
    str,
    AfterValidator(_url),
    Field(json_schema_extra={"format": "uri", "pattern": "^https?://[^\\s<>\"'`{}|\\\\^]+$"}),
]
StatusCode = Annotated[int, Field(ge=100, le=599)]
LaxDate = Annotated[datetime.date, Field(strict=False)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Cited:
    """A definition cited as a document and section (``document``, ``section`` and
    ``url`` fields): its link, derived for an RFC, and its citation text."""

    @property
    def link(self) -> str:
        if self.url:
            return self.url
        number = self.document.removeprefix("RFC ")
        anchor = f"#section-{self.section}" if self.section else ""
        return f"https://www.rfc-editor.org/rfc/rfc{number}.html{anchor}"

    @property
    def citation(self) -> str:
        return f"{self.document}, section {self.section}" if self.section else self.document


# --------------------------------------------------------------------------- parts

CLASS_NAMES = {
    1: "Informational",
    2: "Successful",
    3: "Redirection",
    4: "Client Error",
    5: "Server Error",
}

# As the IANA HTTP Status Code Registry lists the code: a plain entry ("registered"),
# "(Unused)", "(TEMPORARY - registered ..., expires ...)" or "(OBSOLETED)"; "deprecated"
# marks a plain entry whose specification deprecates the code (305 Use Proxy).
RegistryStatus = Literal["registered", "temporary", "unused", "obsoleted", "deprecated"]
RetryPolicy = Literal["not-needed", "unchanged", "after-delay", "after-change", "no"]

RETRY_LABELS: dict[str, str] = {
    "not-needed": "Not needed: the request succeeded or is being handled",
    "unchanged": "Yes, the same request may succeed",
    "after-delay": "Yes, after waiting (Retry-After when sent)",
    "after-change": "Only after changing the request",
    "no": "No: repeating it will not help",
}
BODY_LABELS: dict[str, str] = {
    "none": "Never has content",
    "optional": "Content optional",
    "expected": "Usually has content",
}
METHOD_LABELS: dict[str, str] = {
    "kept": "Kept: the client repeats the same method and body",
    "changed-to-get": "Changed to GET (HEAD stays HEAD)",
    "post-may-become-get": "Should be kept, but user agents may change POST to GET",
    "not-a-redirect": "Not followed automatically",
}


class PreviousName(Strict):
    name: TitleText = Field(description="An earlier reason phrase, as it was written.")
    source: PlainLine = Field(description="Where that name came from, e.g. 'RFC 7231'.")


class Specification(Cited, Strict):
    document: str = Field(
        pattern=r"^(RFC \d+|draft-[a-z0-9-]+)$",
        description="The defining document: 'RFC 9110' or a draft name.",
    )
    section: str | None = Field(
        default=None,
        pattern=r"^\d+(\.\d+)*$",
        description="Section number in that document, as text: '15.3.3'.",
    )
    url: Url | None = Field(
        default=None,
        description="Link to the section. Derived for RFCs; required for drafts.",
    )
    status: RegistryStatus = Field(
        description="Status in the IANA HTTP Status Code Registry.",
    )
    registered: LaxDate | None = Field(
        default=None, description="Temporary registrations: the date registered."
    )
    expires: LaxDate | None = Field(
        default=None, description="Temporary registrations: the date the entry expires."
    )
    previous_names: list[PreviousName] = Field(
        default_factory=list, description="Older reason phrases readers may still meet."
    )
    history: list[Markdown] = Field(
        default_factory=list,
        description="Notes on where the code was defined before (RFC 2616, RFC 7231, ...).",
    )

    @property
    def registry_entry(self) -> str:
        """The code's registry entry as the IANA registry writes it, after the phrase."""
        if self.status == "unused":
            return "(Unused)"
        if self.status == "obsoleted":
            return "(OBSOLETED)"
        if self.status == "temporary":
            return f"(TEMPORARY - registered {self.registered}, expires {self.expires})"
        return ""

    @property
    def status_label(self) -> str:
        """The registry status in a few words, for tables and the page's first line."""
        return {
            "registered": "Registered",
            "temporary": "Temporary registration",
            "unused": "Registered as unused",
            "obsoleted": "Obsoleted",
            "deprecated": "Registered, but deprecated",
        }[self.status]


class Alternative(Strict):
    case: Markdown = Field(description="A situation where this code is the wrong choice.")
    instead: list[StatusCode] = Field(
        min_length=1, description="The code or codes to send in that situation."
    )


class Step(Strict):
    label: PlainLine | None = Field(default=None, description="What happens in this step.")
    request: RawText | None = Field(
        default=None, description="A raw HTTP request: request line, header fields, body."
    )
    response: RawText | None = Field(
        default=None, description="A raw HTTP response: status line, header fields, body."
    )
    log: RawText | None = Field(
        default=None, description="A log line, for codes that are only ever logged."
    )
    note: Markdown | None = Field(default=None, description="What to notice in this step.")


class Example(Strict):
    title: PlainLine = Field(description="What the example shows.")
    intro: Markdown | None = Field(default=None, description="Set the scene in a sentence.")
    steps: list[Step] = Field(min_length=1, description="The exchange, step by step.")


class Faq(Strict):
    question: PlainLine = Field(description="A question people really ask.")
    answer: Markdown = Field(description="A direct answer.")


# A header field's name as HTTP writes it (a token, RFC 9110 section 5.1).
FIELD_NAME = r"^[A-Za-z0-9-]+$"


class HeaderUse(Strict):
    name: str = Field(pattern=FIELD_NAME, description="The header field name, e.g. 'Retry-After'.")
    where: Literal["request", "response"] = Field(description="Which message carries it.")
    requirement: Literal["must", "should", "may"] = Field(
        description="How the specification treats it for this code."
    )
    condition: PlainLine | None = Field(
        default=None,
        description=(
            "When the requirement holds, if not always, as the specification states it: "
            "'if a 200 to the same request would have sent it', 'single-part responses only'. "
            "Shown with the requirement wherever it is printed."
        ),
    )
    purpose: Markdown = Field(description="What it does with this code.")

    @property
    def level(self) -> str:
        """The requirement with its condition: 'MUST (single-part responses only)'."""
        level = self.requirement.upper()
        return f"{level} ({self.condition})" if self.condition else level


class FieldDefinition(Cited, Strict):
    """Where a header field is defined: an RFC section, or a vendor's documentation."""

    document: PlainLine = Field(
        description="'RFC 9110', or the vendor's document: 'Cloudflare documentation'."
    )
    section: str | None = Field(
        default=None, pattern=r"^\d+(\.\d+)*$", description="Section number in an RFC: '10.2.3'."
    )
    url: Url | None = Field(
        default=None, description="Link to the definition. Derived for RFCs; required otherwise."
    )

    @property
    def is_rfc(self) -> bool:
        return re.fullmatch(r"RFC \d+", self.document) is not None


class HeaderRecord(Strict):
    """One header field: the source of its page at /headers/<lower-case name>/. Which codes
    carry it is derived from the code records and the RFC rules, never listed here."""

    name: str = Field(
        pattern=FIELD_NAME,
        description="The field name as its specification spells it; the file is <lower>.yaml.",
    )
    summary: Annotated[TitleText, Field(max_length=160)] = Field(
        description="One plain sentence, at most 160 characters: the meta description."
    )
    meaning: Markdown = Field(description="What the field says and who acts on it.")
    defined_in: FieldDefinition = Field(description="The defining document and section.")
    syntax: RawText | None = Field(
        default=None,
        description=(
            "The field's ABNF exactly as its RFC states it (checked against the RFC text); "
            "leave it out when it was not checked."
        ),
    )
    example: RawText = Field(description="One or more field lines: 'Retry-After: 120'.")
    notes: list[Markdown] = Field(
        default_factory=list, description="Pitfalls and practice, one point each."
    )
    keywords: list[PlainLine] = Field(default_factory=list, description="Words people search.")

    @property
    def slug(self) -> str:
        return self.name.lower()


class Redirect(Strict):
    permanent: bool = Field(description="Whether clients may update links and bookmarks.")
    method: Literal["kept", "changed-to-get", "post-may-become-get", "not-a-redirect"] = Field(
        description="What happens to the request method and body when the client follows it."
    )
    search_engines: PlainLine = Field(description="How search engines treat it, briefly.")


class Properties(Strict):
    cacheable_by_default: bool = Field(
        description="Heuristically cacheable per RFC 9110 section 15.1 / RFC 9111 4.2.2."
    )
    retry: RetryPolicy = Field(description="Whether a client may repeat the request.")
    retry_note: PlainLine | None = Field(default=None, description="Nuance on retrying.")
    body: Literal["none", "optional", "expected"] = Field(
        description="Whether the response carries content."
    )
    redirect: Redirect | None = Field(default=None, description="3xx codes only.")


# The exact form of a constant's name in each library, for the checks below.
CONSTANT_PATTERNS: dict[str, str] = {
    "python": r"^HTTPStatus\.[A-Z_]+$",
    "go": r"^http\.Status[A-Za-z]+$",
    "dotnet": r"^HttpStatusCode\.[A-Za-z]+$",
    "aspnetcore": r"^StatusCodes\.Status\d{3}[A-Za-z]+$",
    "java": r"^HttpStatus\.[A-Z_0-9]+$",
    "rust": r"^StatusCode::[A-Z_]+$",
    "rails": r"^:[a-z_]+$",
    "symfony": r"^Response::HTTP_[A-Z_]+$",
}


class ConstantName(Strict):
    """A constant's name together with the versions in which it exists."""

    name: str = Field(description="The name as code uses it: 'HTTPStatus.CONTENT_TOO_LARGE'.")
    since: PlainLine | None = Field(
        default=None,
        description="The first version that has the name, if not every supported one: '3.13'.",
    )
    deprecated: PlainLine | None = Field(
        default=None, description="The version that deprecated the name: '7.0'."
    )

    @property
    def versions(self) -> str:
        """'' when the name works everywhere; otherwise '3.13+' or 'deprecated in 7.0'."""
        notes = [f"{self.since}+"] if self.since else []
        if self.deprecated:
            notes.append(f"deprecated in {self.deprecated}")
        return ", ".join(notes)


# A library's names for a code: one name that works in every supported version, or a
# list that says in which versions each name exists (old name, renamed name).
ConstantNames = Annotated[str, Field()] | list[ConstantName] | None


def _names_field(description: str) -> Any:
    return Field(default=None, description=description)


class Constants(Strict):
    python: ConstantNames = _names_field(
        "http.HTTPStatus member; Python 3.11 and 3.12 lack the RFC 9110 names of 3.13."
    )
    go: ConstantNames = _names_field("Go net/http constant.")
    dotnet: ConstantNames = _names_field(".NET System.Net.HttpStatusCode member.")
    aspnetcore: ConstantNames = _names_field(
        "ASP.NET Core Microsoft.AspNetCore.Http.StatusCodes field."
    )
    java: ConstantNames = _names_field("Spring Framework org.springframework.http.HttpStatus.")
    rust: ConstantNames = _names_field("Rust http::StatusCode associated constant.")
    rails: ConstantNames = _names_field("Ruby on Rails / Rack status symbol.")
    symfony: ConstantNames = _names_field("PHP Symfony HttpFoundation Response constant.")

    @model_validator(mode="after")
    def _names_have_their_library_form(self) -> Constants:
        for library, pattern in CONSTANT_PATTERNS.items():
            for entry in self.names(library):
                if not re.match(pattern, entry.name):
                    raise ValueError(
                        f"{library}: {entry.name!r} does not match the expected form {pattern}"
                    )
        return self

    def names(self, library: str) -> list[ConstantName]:
        """A library's names, the one that works in every supported version first."""
        value = getattr(self, library)
        if value is None:
            return []
        if isinstance(value, str):
            return [ConstantName(name=value)]
        return sorted(value, key=lambda entry: entry.since is not None)

    def libraries(self) -> list[str]:
        return [library for library in CONSTANT_PATTERNS if getattr(self, library) is not None]


CONSTANT_LABELS: dict[str, str] = {
    "python": "Python (http.HTTPStatus)",
    "go": "Go (net/http)",
    "dotnet": ".NET (System.Net.HttpStatusCode)",
    "aspnetcore": "ASP.NET Core (StatusCodes)",
    "java": "Java, Spring (HttpStatus)",
    "rust": "Rust (http::StatusCode)",
    "rails": "Ruby on Rails (status symbol)",
    "symfony": "PHP, Symfony (Response)",
}


# --- framework snippets ("Send it from your framework"): data/frameworks/<id>.yaml say how
# each framework is checked; data/snippets.yaml gives each code's parameters; the snippet
# text itself comes from generator/templates/snippets/<id>.j2 (generator/snippets.py).

# A header value printed inside a string literal of nine languages: visible ASCII only,
# no backslash, "$" or "#" (escapes and string interpolation in PHP, Ruby, JavaScript).
_SNIPPET_VALUE = r'^[!"%-\[\]-~]([ !"%-\[\]-~]*[!"%-\[\]-~])?$'


def _snippet_value(value: str) -> str:
    if not re.match(_SNIPPET_VALUE, value):
        bad = sorted({c for c in value if not (" " <= c <= "~") or c in "\\$#"})
        shown = " ".join(repr(c) for c in bad) or "a space at either end"
        raise ValueError(
            f"{value[:40]!r} contains {shown} (expected visible ASCII without a backslash, "
            "$ or # and no space at either end: it is printed inside string literals of "
            "nine languages)"
        )
    return value


SnippetValue = Annotated[
    str,
    Field(max_length=60, json_schema_extra={"pattern": _SNIPPET_VALUE}),
    AfterValidator(_snippet_value),
]
# A code as a mapping key: quoted in YAML ("429":), as the data files' keys are text.
CodeKey = Annotated[str, Field(pattern=r"^[1-5][0-9][0-9]$")]
BodyKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,19}$")]
BodyValue = (
    Annotated[str, Field(pattern=_SNIPPET_VALUE, max_length=40)]
    | Annotated[int, Field(ge=0, le=10**9)]
)


class CheckedApi(Strict):
    name: str = Field(
        pattern=r"^\S(.{0,78}\S)?$",
        description="An API name a snippet uses, as written there: 'http.Redirect'.",
    )
    url: Url = Field(description="The framework's documentation page that confirms it.")


class Framework(Strict):
    """How one framework's snippets are written and how they are checked."""

    label: TitleText = Field(description="The tab label: 'FastAPI', 'Go net/http'.")
    language: Literal["python", "javascript", "go", "java", "csharp", "ruby", "php"] = Field(
        description="The snippet's language (its code highlighting)."
    )
    order: Annotated[int, Field(ge=1, le=99)] = Field(description="The tab's place, from 1.")
    checked_by: Literal["test", "docs"] = Field(
        description=(
            "'test': every snippet runs in the tests with the framework's own test client; "
            "'docs': every API name it uses is listed in apis with the page confirming it."
        )
    )
    version: PlainLine = Field(
        description="The version run in the tests ('test'), or the documentation's ('docs')."
    )
    apis: list[CheckedApi] = Field(
        min_length=1, description="Every API name the snippets use, with its documentation."
    )
    not_published: dict[CodeKey, PlainLine] = Field(
        default_factory=dict,
        description="Codes this framework gets no snippet for, each with the reason shown.",
    )


class SnippetCode(Strict):
    """One code's parameters for every framework's snippet, or why there is none."""

    method: Literal["GET", "POST", "PUT", "DELETE", "PATCH"] = Field(
        default="GET", description="The request method the route answers."
    )
    headers: dict[Annotated[str, Field(pattern=r"^[A-Z][A-Za-z0-9-]*$")], SnippetValue] = Field(
        default_factory=dict,
        description="Header fields sent, with example values; every header the code must "
        "or should always send is required.",
    )
    body: dict[BodyKey, BodyValue] | SnippetValue | None = Field(
        default=None,
        description=(
            "A JSON object (flat), or text. Default: RFC 9457 Problem Details for errors; "
            "none for codes without content."
        ),
    )
    content_type: SnippetValue | None = Field(
        default=None, description="The media type of a text body: 'text/plain'."
    )
    not_sent: Markdown | None = Field(
        default=None,
        description="Instead of snippets: why applications do not send this code themselves.",
    )


class SnippetFile(Strict):
    codes: dict[CodeKey, SnippetCode] = Field(
        description="Every registered code, by number (quoted): parameters or not_sent."
    )


class Fixes(Strict):
    client: list[Markdown] = Field(default_factory=list, description="What a client can do.")
    server: list[Markdown] = Field(
        default_factory=list, description="What the origin server's owner can do."
    )
    proxy: list[Markdown] = Field(
        default_factory=list, description="What to change in the CDN, proxy or load balancer."
    )

    def sides(self, only: tuple[str, ...] = ()) -> list[tuple[str, list[Markdown]]]:
        """(label, items) for each side that has advice (of ``only``, if given), in
        reading order."""
        return [
            (label, getattr(self, side))
            for side, label in FIX_SIDES
            if getattr(self, side) and (not only or side in only)
        ]


FIX_SIDES = (
    ("client", "As the client"),
    ("server", "On the server"),
    ("proxy", "In the CDN, proxy or load balancer"),
)


# How current one meaning of a number is.
MeaningStatus = Literal["current", "deprecated", "historic", "disputed"]


class VendorUse(Strict):
    vendor: PlainLine = Field(description="Who uses the code: 'nginx', 'Cloudflare', ...")
    phrase: TitleText = Field(description="The vendor's own name for it.")
    source: Url = Field(description="The primary source for this use.")
    source_title: PlainLine = Field(description="What that source is, briefly.")
    origin_unclear: bool = Field(
        default=False,
        description=(
            "True when no primary source confirms this use (the source is secondary): "
            "the page says so."
        ),
    )
    status: MeaningStatus = Field(
        default="current",
        description=(
            "Whether the vendor still uses it: 'current', 'deprecated' (still works, on its "
            "way out), 'historic' (no longer used) or 'disputed' (the attribution is contested)."
        ),
    )
    seen_by: Literal["client", "logs", "client-and-logs", "body", "internal"] = Field(
        description=(
            "Where people meet it: sent to clients as the status, only written to logs, "
            "'body': inside a response body whose HTTP status is another (Esri's 499 in a "
            "200), or 'internal': only inside the product, never on the wire."
        )
    )
    client_receives: StatusCode | None = Field(
        default=None, description="For logged-only codes: what the client gets instead."
    )
    stands_in_for: list[StatusCode] = Field(
        default_factory=list, description="Registered codes this use is closest to."
    )
    meaning: Markdown = Field(description="What it means for this vendor.")
    causes: list[Markdown] = Field(min_length=1, description="What leads to it.")
    fixes: Fixes = Field(description="How to fix it, from each side.")

    @property
    def historic(self) -> bool:
        return self.status == "historic"

    @property
    def source_grade(self) -> Literal["primary", "secondary"]:
        """'primary' when the vendor's own docs or source confirm the use."""
        return "secondary" if self.origin_unclear else "primary"


# --------------------------------------------------------------------------- the record


class CodeRecord(Strict):
    """One HTTP status code: the source of its page, its API entry and its table rows."""

    code: StatusCode = Field(description="The three-digit code; the file name is <code>.yaml.")
    phrase: TitleText = Field(
        description="The reason phrase: the IANA registry's, or the best-known vendor name."
    )
    summary: Annotated[TitleText, Field(max_length=160)] = Field(
        description="One plain sentence, at most 160 characters: the meta description."
    )
    use_when: PlainLine | None = Field(
        default=None,
        description="'Use it when ...' in one line, for comparison tables. Registered codes.",
    )
    meaning: Markdown = Field(description="What the code means, precisely.")
    when_to_use: list[Markdown] = Field(
        default_factory=list, description="Criteria for sending it. Registered codes."
    )
    when_not_to_use: list[Alternative] = Field(
        default_factory=list, description="Where it is wrong, each with the better code."
    )
    fixes: Fixes | None = Field(
        default=None,
        description=(
            "Registered error codes: how to fix it, from each side. The first item of each "
            "side is the one line the At a glance block shows, so keep it short."
        ),
    )
    examples: list[Example] = Field(min_length=1, description="Real exchanges.")
    best_practices: list[Markdown] = Field(min_length=1)
    common_mistakes: list[Markdown] = Field(min_length=1)
    faq: list[Faq] = Field(min_length=2, description="Questions people really ask.")
    headers: list[HeaderUse] = Field(
        default_factory=list, description="Header fields involved with this code."
    )
    properties: Properties
    constants: Constants = Field(
        default_factory=Constants,
        description="Names in languages and frameworks; only names known to exist.",
    )
    specification: Specification | None = Field(
        default=None, description="Registered codes: the defining document and registry entry."
    )
    vendors: list[VendorUse] = Field(
        default_factory=list,
        description="Unofficial uses of this number, one per vendor meaning.",
    )
    related: list[StatusCode] = Field(default_factory=list, description="Codes to read next.")
    keywords: list[PlainLine] = Field(
        min_length=1, description="Words people search with: synonyms, errors, headers."
    )
    phrasings: list[Annotated[PlainLine, Field(max_length=80)]] = Field(
        default_factory=list,
        description=(
            "How people describe this code when they meet it: symptoms, error messages, "
            "log lines ('token expired', 'nginx client closed request in logs'). Shown on "
            "the page and searched."
        ),
    )

    # --- derived -----------------------------------------------------------------------

    @property
    def registered(self) -> bool:
        return self.specification is not None

    @property
    def class_digit(self) -> int:
        return self.code // 100

    @property
    def class_slug(self) -> str:
        return f"{self.class_digit}xx"

    @property
    def class_name(self) -> str:
        return CLASS_NAMES[self.class_digit]

    @property
    def is_error(self) -> bool:
        return self.code >= 400

    @property
    def title(self) -> str:
        """The code as people name it: '404 Not Found'. A code the registry lists as
        '(Unused)' keeps the name it is searched by: '418 I'm a teapot (Unused)'."""
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        """The title without the number: 'Not Found', "I'm a teapot (Unused)"."""
        spec = self.specification
        if spec is not None and spec.status == "unused" and spec.previous_names:
            return f"{spec.previous_names[0].name} {self.phrase}"
        return self.phrase

    @property
    def vendor_names(self) -> str:
        """Who uses the number, for display: 'nginx, Cloudflare (origin unclear)'."""
        names: dict[str, bool] = {}
        for use in self.vendors:
            names[use.vendor] = names.get(use.vendor, True) and use.origin_unclear
        return ", ".join(f"{n} (origin unclear)" if unclear else n for n, unclear in names.items())

    @property
    def names(self) -> list[str]:
        """The names a code goes by: number, phrase, previous and vendor names."""
        names = [str(self.code), self.phrase]
        if self.specification:
            names += [p.name for p in self.specification.previous_names]
        names += [v.phrase for v in self.vendors]
        return list(dict.fromkeys(names))


# --------------------------------------------------------------------------- beyond 100-599


class SourceRef(Strict):
    url: Url = Field(description="Where the claim can be checked.")
    title: PlainLine = Field(description="What that source is, briefly.")
    grade: Literal["primary", "secondary"] = Field(
        description="'primary': the sender's own docs, spec or source; 'secondary': third parties."
    )


class OtherItem(Strict):
    number: PlainLine = Field(description="'1020', '404.13', '110'.")
    name: PlainLine = Field(description="Its name as the sender writes it.")
    note: Markdown | None = Field(default=None, description="What it means or where it shows.")


class OtherNumber(Strict):
    """A number people meet that is no HTTP status code between 100 and 599: status 0 in
    browsers, Cloudflare's 1xxx errors, IIS sub-status codes, the obsolete warn codes. Its
    page lives at /other/<file stem>/, apart from the code pages."""

    number: PlainLine = Field(description="The number as people see it: '0', '1xxx', '404.13'.")
    title: TitleText = Field(description="The page title: 'Status 0 in browsers'.")
    summary: Annotated[TitleText, Field(max_length=160)] = Field(
        description="One plain sentence, at most 160 characters: the meta description."
    )
    sender: PlainLine = Field(description="Who produces it: 'Browsers (Fetch Standard)'.")
    seen: Literal["script", "body", "logs", "header", "client"] = Field(
        description=(
            "Where people meet it: 'script' (what code reading the response sees, never on "
            "the wire), 'body', 'logs', 'header' (a field value) or 'client' (the status line)."
        )
    )
    status: MeaningStatus = Field(default="current", description="How current this use is.")
    meaning: Markdown = Field(description="What it means and why it is no HTTP status code.")
    checks: list[Markdown] = Field(min_length=1, description="What to check when you meet it.")
    items: list[OtherItem] = Field(
        default_factory=list, description="The numbers of the family a reader meets most."
    )
    example: RawText | None = Field(default=None, description="What it looks like where seen.")
    sources: list[SourceRef] = Field(min_length=1, description="Each source, graded.")
    related: list[StatusCode] = Field(default_factory=list, description="Codes to read next.")
    keywords: list[PlainLine] = Field(min_length=1, description="Words people search with.")


class Product(Strict):
    name: PlainLine = Field(description="The product or family: 'nginx', 'AWS load balancers'.")
    vendors: list[PlainLine] = Field(
        default_factory=list,
        description="The 'vendor' values of code records' vendor uses that belong to it.",
    )
    other: list[str] = Field(
        default_factory=list, description="File stems of data/other/ pages that belong to it."
    )
    checks: list[Markdown] = Field(
        min_length=1, description="What this product's operator should check first."
    )


class VendorsFile(Strict):
    products: list[Product] = Field(min_length=1)


# --------------------------------------------------------------------------- other data


class CodeClass(Strict):
    digit: Annotated[int, Field(ge=1, le=5)] = Field(description="1 for 1xx, ...")
    name: TitleText = Field(description="The class name in RFC 9110 section 15.")
    summary: Annotated[TitleText, Field(max_length=160)]
    description: Markdown
    section: str = Field(pattern=r"^\d+(\.\d+)*$", description="RFC 9110 section.")

    @property
    def slug(self) -> str:
        return f"{self.digit}xx"

    @property
    def title(self) -> str:
        """'4xx Client Error': how the class is named in headings, links and navigation."""
        return f"{self.slug} {self.name}"


class ClassFile(Strict):
    classes: list[CodeClass] = Field(min_length=1)


COLUMN_NAMES = Literal[
    "summary",
    "use_when",
    "status",
    "cacheable",
    "retry",
    "body",
    "must_send",
    "permanent",
    "method",
    "search_engines",
    "specification",
]


class Verdict(Strict):
    code: StatusCode
    verdict: PlainLine = Field(description="'Choose it when ...', for this group only.")


class Comparison(Strict):
    title: TitleText = Field(description="The page title: '301 vs 302 vs 307 vs 308'.")
    summary: Annotated[TitleText, Field(max_length=160)] = Field(
        description="One plain sentence: the meta description."
    )
    intro: Markdown = Field(description="Why these codes get confused.")
    codes: list[StatusCode] = Field(min_length=2, description="The codes, in table order.")
    columns: list[COLUMN_NAMES] = Field(
        min_length=1, description="Attribute columns after the code column."
    )
    verdicts: list[Verdict] = Field(default_factory=list, description="Optional, per code.")
    how_to_choose: list[Markdown] = Field(min_length=1, description="Rules of thumb.")
    former_slugs: list[Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]] = Field(
        default_factory=list,
        description="Earlier URL names (/compare/<slug>/) that now redirect here.",
    )


class GuideAnswer(Strict):
    answer: PlainLine = Field(description="One possible answer to the question.")
    code: StatusCode | None = Field(default=None, description="The code this answer leads to.")
    also: list[StatusCode] = Field(
        default_factory=list, description="Close alternatives worth a look."
    )
    note: Markdown | None = Field(default=None, description="Why, in a sentence.")
    next: GuideQuestion | None = Field(
        default=None, description="A further question (instead of a code)."
    )


class GuideQuestion(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", description="Anchor for this step: 'created'.")
    question: PlainLine
    help: Markdown | None = Field(default=None, description="What the question means.")
    answers: list[GuideAnswer] = Field(min_length=2)


class GuideBranch(Strict):
    title: PlainLine = Field(description="'The request worked', 'The client got it wrong'.")
    start: GuideQuestion


class Guide(Strict):
    title: TitleText
    summary: Annotated[TitleText, Field(max_length=160)]
    intro: Markdown
    branches: list[GuideBranch] = Field(min_length=1)


GuideAnswer.model_rebuild()
