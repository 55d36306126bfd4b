"""Render a :class:`~compare.models.Comparison` as one self-contained HTML file.

The page needs nothing from the network: the CSS is inlined, fonts are the
system's, there are no images, and a Content-Security-Policy forbids any
request.  Article text is untrusted and always escaped (jinja2 autoescape);
only our own CSS is marked safe.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from compare.models import Comparison
from reports.colours import MARK_COLOUR, PALETTE, TEXT_COLOUR
from reports.context import build_context
from reports.views import closed_bidi

TEMPLATE = "report.html.j2"
STYLE_TEMPLATE = "_style.css.j2"  # the content of the page's <style> element
SCREEN_CSS = ("report.css", "browser.css")
PRINT_CSS = ("report.css", "print.css")
SCRIPT = "report.js"


def templates_dir() -> Path:
    """Where the templates are: ``reports/templates`` inside an installed wheel,
    else the source checkout's top-level ``templates/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / TEMPLATE).is_file():
            return candidate
    raise FileNotFoundError(
        f"report templates not found in {here / 'templates'} or {here.parent / 'templates'}"
    )


CACHE_PATTERN = "__jinja2_finalize_%s.cache"
"""The cache's file names.  A compiled template holds the environment's ``finalize`` call or not,
and jinja2 keys its cache by the template's source alone: templates compiled before
``finalize=closed_bidi`` (jinja2's default names) are never read back."""


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between runs (compiling them takes ~0.2 s, a quarter of a run).

    In ``$XDG_CACHE_HOME/storycompare/jinja`` (default ``~/.cache``); jinja2 keys entries by
    template source checksum, so an edited template is recompiled.  No cache when the
    directory cannot be made or ``STORYCOMPARE_NO_CACHE`` is set.
    """
    if os.environ.get("STORYCOMPARE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "storycompare" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder), CACHE_PATTERN)


def _finalize(value: object) -> object:
    """What each ``{{ }}`` of the templates writes: text with its bidirectional controls closed."""
    return closed_bidi(value) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        finalize=_finalize,
        loader=FileSystemLoader(templates_dir()),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def compact(code: str) -> str:
    """CSS or JavaScript without its ``/* ... */`` comments, indentation and blank lines: the
    page carries them in every report (about 5 KB of the example story's 150 KB budget).  Our
    files put ``/*`` in no string or regular expression, so every ``/*`` starts a comment."""
    return _BLANK_LINES.sub("\n", _INDENT.sub("\n", _COMMENT.sub("", code))).strip() + "\n"


_TAG_INDENT = re.compile(r"\n[ \t]+<")
"""A template's indentation before a tag: article text is escaped, so it never holds a ``<``."""


@lru_cache(maxsize=8)
def inline_asset(name: str) -> Markup:
    """A CSS or JavaScript file of ``templates/``, marked safe to inline in a ``<style>`` or
    ``<script>`` element; one that contains ``</`` (which would end the element early) is refused."""
    text = compact((templates_dir() / name).read_text(encoding="utf-8"))
    if "</" in text:
        raise ValueError(f"{name}: an inlined stylesheet or script must not contain '</'")
    return Markup(text)


_CSS_SPACE = re.compile(r"\s*([{};,>])\s*|(:)\s+")
"""Spaces around CSS punctuation; after a colon only, which keeps a descendant ``:hover``
(``a :hover``) as written.  Our stylesheets have none of these characters in a string but
``", "`` of a font list, where the space does not matter."""


def compact_css(css: str) -> str:
    """:func:`compact` CSS without the spaces around its punctuation (about 2 KB of the page)."""
    return _CSS_SPACE.sub(lambda m: m.group(1) or m.group(2), css).replace(";}", "}")


@lru_cache(maxsize=4)
def stylesheet(names: tuple[str, ...]) -> Markup:
    """Our CSS files, concatenated, marked safe for the ``<style>`` element."""
    return Markup(compact_css("\n".join(inline_asset(name) for name in names)) + "\n")


def script() -> Markup:
    """Our interaction script, marked safe for the ``<script>`` element."""
    return inline_asset(SCRIPT)


def render_document(comparison: Comparison, *, for_print: bool) -> str:
    """The report page; ``for_print`` gives the PDF's variant (no script, no columns)."""
    context = build_context(comparison, for_print=for_print)
    context["css"] = stylesheet(PRINT_CSS if for_print else SCREEN_CSS)
    context["script"] = Markup("") if for_print else script()
    context["csp"] = content_security_policy(None if for_print else str(context["script"]))
    return environment().get_template(TEMPLATE).render(context)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows an inline element with exactly ``text``."""
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(inline_script: str | None) -> Markup:
    """The report's Content-Security-Policy: nothing loads; the one inline script runs only with
    exactly its text (its hash), no ``<base>`` may redirect links and no form may submit.  Styles
    stay ``'unsafe-inline'``: the bars and columns are sized by ``style`` attributes (CSS only,
    no script, from our own numbers).  Our own text: safe in the attribute as is."""
    script_source = "'none'" if inline_script is None else csp_hash(inline_script)
    return Markup(
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_source}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def print_style() -> str:
    """The ``<style>`` element of the print page, as :func:`render_document` writes it with
    ``for_print``: the same for every report, so that the PDF renderer can parse it once."""
    body = (
        environment()
        .get_template(STYLE_TEMPLATE)
        .render(
            css=stylesheet(PRINT_CSS),
            text_colour=TEXT_COLOUR,
            mark_colour=MARK_COLOUR,
            palette=PALETTE,
            for_print=True,
            articles=(),
        )
    )
    return f"<style>\n{body}</style>"


def render_html(comparison: Comparison) -> str:
    """The interactive, self-contained HTML report (the templates' indentation left out)."""
    return _TAG_INDENT.sub("\n<", render_document(comparison, for_print=False))
