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

# Characters no record needs and that can disguise text: C0 and C1 controls (but tab and
# line feed), bidirectional overrides and isolates (the "Trojan Source" trick), zero-width
# characters and other invisible format characters, and the Unicode line separators.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb]"
)


def _visible(value: str) -> str:
    match = _INVISIBLE.search(value)
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


class Specification(Strict):
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
    def link(self) -> str:
        if self.url:
            return self.url
        number = self.document.removeprefix("RFC ")
        anchor = f"#section-{self.section}" if self.section else ""
        return f"https://www.rfc-editor.org/rfc/rfc{number}.html{anchor}"

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
            "deprecated": "Registered; deprecated by its specification",
        }[self.status]

    @property
    def citation(self) -> str:
        return f"{self.document}, section {self.section}" if self.section else self.document


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


class HeaderUse(Strict):
    name: str = Field(
        pattern=r"^[A-Za-z0-9-]+$", description="The header field name, e.g. 'Retry-After'."
    )
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


class VendorUse(Strict):
    vendor: PlainLine = Field(description="Who uses the code: 'nginx', 'Cloudflare', ...")
    phrase: TitleText = Field(description="The vendor's own name for it.")
    source: Url = Field(description="The primary source for this use.")
    source_title: PlainLine = Field(description="What that source is, briefly.")
    origin_unclear: bool = Field(
        default=False,
        description="True when no primary source confirms this use: the page says so.",
    )
    historic: bool = Field(default=False, description="True when the vendor no longer uses it.")
    seen_by: Literal["client", "logs", "client-and-logs", "internal"] = Field(
        description=(
            "Where people meet it: sent to clients, only written to logs, or 'internal': "
            "only inside the product (configuration, debug output), never on the wire."
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
