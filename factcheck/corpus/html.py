"""HTML sources: reduce a saved web page to the article's own text.

Menus, cookie banners, "related stories" and footers are full of numbers and
names that would be read as claims of the article, so only the main text is
kept. ``trafilatura`` does that reduction; when it finds nothing (tiny or
unusual pages) a plain lxml pass over <body> minus the obvious boilerplate
elements is used instead, so a page is never silently empty.

Hostile markup is bounded before any parser sees it (docs/robustness.md): lxml compares every
attribute of a tag with every other (80,000 attributes on one tag: minutes in one C call that no
timeout can interrupt), so a tag with more than `MAX_ATTRIBUTES` keeps its first ones. The time
of the whole extraction is bounded by the caller's `--timeout` (corpus.text.deadline).

Each block (paragraph, heading, list item, line after <br>) becomes one
paragraph, and paragraphs are separated by a blank line so sentence splitting
never runs across them. The headline carries claims of its own, so if
extraction dropped it, the page's main <h1> (or else its <title>) is put back
as the first paragraph.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from factcheck.corpus.text import (
    FileRef,
    Unreadable,
    blank_if_empty,
    decode,
    os_error_reason,
    read_limited,
)
from factcheck.model import Source, SourceError

TRAFILATURA_NOTE = "html reduced to main text (trafilatura)"
FALLBACK_NOTE = "html reduced to body text (lxml; trafilatura found no main text)"
_BOILERPLATE = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
)
_CHROME = ("header", "nav", "footer", "aside")
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "dt", "dd", "blockquote", "pre", "tr", "br", "hr", "figcaption", "address",
        "table", "ul", "ol", "dl", "figure",
    }
)  # fmt: skip
MAX_ATTRIBUTES = 64  # attributes kept on one tag; the rest carry no article text
_LONG_TAG = re.compile(r"<([A-Za-z][^\s/<>]*)([^<>]{512,})>")  # only long tags can hold that many
_ATTRIBUTE = re.compile(r"""[^\s=<>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>"']*))?""")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(ref: FileRef, max_bytes: int) -> Source | SourceError:
    """One .html/.htm file as a Source holding the article text, or why not."""
    try:
        data = read_limited(ref.path, max_bytes)
        markup, notes = decode(data, hint=_declared_charset(data))
    except Unreadable as exc:
        return SourceError(ref.source_id, ref.path, str(exc))
    except OSError as exc:
        return SourceError(ref.source_id, ref.path, os_error_reason(exc))
    text, more = html_to_text(markup)
    text, notes = blank_if_empty(text, notes + more)
    return Source(id=ref.source_id, text=text, path=ref.path, notes=notes)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_to_text(markup: str) -> tuple[str, tuple[str, ...]]:
    """The article text of a page, paragraphs separated by blank lines, plus notes."""
    if not markup.strip():
        return "", ()
    # control characters (but tab and newline) make lxml refuse the text
    markup = _LONG_TAG.sub(_trim_tag, _CONTROL.sub(" ", markup))
    document = _parse(markup)
    headline = _headline(document) if document is not None else None
    paragraphs = _trafilatura_paragraphs(markup)
    notes: tuple[str, ...] = (TRAFILATURA_NOTE,)
    if not paragraphs and document is not None:
        paragraphs = _fallback_paragraphs(document)
        notes = (FALLBACK_NOTE,)
    if headline and not _contains(paragraphs, headline):
        paragraphs = [headline, *paragraphs]
        notes = (*notes, "headline restored")
    return "\n\n".join(paragraphs), notes


def _trim_tag(m: re.Match[str]) -> str:
    """A start tag with its first MAX_ATTRIBUTES attributes (unchanged when it has no more)."""
    attributes = []
    for a in _ATTRIBUTE.finditer(m.group(2)):
        attributes.append(a.group(0))
        if len(attributes) > MAX_ATTRIBUTES:
            return f"<{m.group(1)} {' '.join(attributes[:MAX_ATTRIBUTES])}>"
    return m.group(0)


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input that still carries an XML encoding declaration.
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (lxml.etree.ParserError, ValueError):
        return None


def _trafilatura_paragraphs(markup: str) -> list[str]:
    try:
        import trafilatura  # imported on first use: it costs ~0.4 s, and most corpora are text

        extracted = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    # A third-party parser on arbitrary input: fall back rather than end the run.
    except Exception:  # noqa: BLE001
        return []
    return _paragraphs((extracted or "").split("\n"))


def _fallback_paragraphs(document: lxml.html.HtmlElement) -> list[str]:
    """Body text minus boilerplate elements; edits ``document`` in place."""
    body = document.find("body")
    scope = body if body is not None else document
    for element in list(scope.iter(*_BOILERPLATE)):
        element.drop_tree()  # keeps the element's tail text
    # Source line breaks mean nothing in HTML; only block boundaries end a paragraph.
    for element in scope.iter():
        element.text = _squash_keep_ends(element.text)
        element.tail = _squash_keep_ends(element.tail)
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return _paragraphs(scope.text_content().split("\n"))


def _headline(document: lxml.html.HtmlElement) -> str | None:
    """The article's <h1>, else one outside the page chrome (not a logo), else the <title>."""
    headings = list(document.iter("h1"))
    in_article = [h for h in headings if any(a.tag in ("article", "main") for a in h.iterancestors())]
    outside_chrome = [h for h in headings if not any(a.tag in _CHROME for a in h.iterancestors())]
    for heading in [*in_article, *outside_chrome]:
        text = _squash(heading.text_content())
        if text:
            return text
    title = document.find(".//title")
    if title is None:
        return None
    # "Headline | Site" or "Site | Headline": the longest part is the headline.
    parts = [_squash(part) for part in (title.text_content() or "").split(" | ")]
    return max(parts, key=len) or None


def _squash_keep_ends(text: str | None) -> str | None:
    """Whitespace runs to one space, keeping a space at either end if there was one."""
    if not text:
        return text
    core = _squash(text)
    start = " " if text[0].isspace() else ""
    end = " " if text[-1].isspace() and core else ""
    return f"{start}{core}{end}"


def _paragraphs(lines: list[str]) -> list[str]:
    return [squashed for line in lines if (squashed := _squash(line))]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _contains(paragraphs: list[str], headline: str) -> bool:
    wanted = headline.casefold()
    return any(wanted in paragraph.casefold() for paragraph in paragraphs)
