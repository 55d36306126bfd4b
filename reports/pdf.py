"""Render a :class:`~compare.models.Comparison` as PDF with WeasyPrint.

WeasyPrint is imported inside the functions (it takes about a second), and
it is given a URL fetcher that refuses every URL: the print page needs no
resource, and nothing an article contains may make it read a file or the
network.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from compare.encoder_process import die_with_parent
from compare.errors import CompareError
from compare.models import Comparison
from reports.files import atomic_write

# reports.html (jinja2) is imported inside the functions: a PdfWorker is started
# before anything heavy is loaded, so that the fork copies a small process.


PDF_INSTALL_HINT = (
    "install WeasyPrint's system libraries (Pango, HarfBuzz, fontconfig): "
    "Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; "
    "macOS: brew install pango; Windows: install MSYS2 and run pacman -S mingw-w64-x86_64-pango "
    "(see the README, section PDF)"
)
"""What to install when WeasyPrint cannot load; the README's section "PDF" says the same at length."""


class PdfUnavailable(CompareError):
    """WeasyPrint, or the system libraries it loads, cannot be imported on this machine.

    The message is one line naming the cause and what to install; HTML and JSON reports do
    not need WeasyPrint, so only a PDF asked for with ``--pdf`` stops on it."""

    def __init__(self, cause: str) -> None:
        self.cause = cause
        super().__init__(cause)

    def __str__(self) -> str:
        return f"PDF output is not available ({self.cause}); {PDF_INSTALL_HINT}"

    def __reduce__(self) -> tuple[type[PdfUnavailable], tuple[str]]:  # across the worker process
        return (PdfUnavailable, (self.cause,))


def _unavailable(error: BaseException) -> PdfUnavailable:
    cause = " ".join(str(error).split())[:200] or type(error).__name__
    return PdfUnavailable(f"{type(error).__name__}: {cause}")


class FetchRefused(PermissionError):
    """Raised by :func:`refuse_fetch` for every URL."""


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    """A URL fetcher that fetches nothing."""
    raise FetchRefused(f"storycompare does not load external resources: {url}")


def _ldconfig_only(name: str) -> str | None:
    """``ctypes.util.find_library`` without its slow fallbacks: the dynamic linker's cache only."""
    import ctypes.util

    finder = getattr(ctypes.util, "_findSoname_ldconfig", None)
    return finder(name) if finder is not None else None


@contextlib.contextmanager
def _fast_library_lookup() -> Iterator[None]:
    """While WeasyPrint loads Pango and HarfBuzz on Linux, answer ``find_library`` from the linker cache.

    WeasyPrint tries several names per library (``libpango-1.0-0``, ``pango-1.0-0``, ...); every
    name that does not exist makes ``ctypes.util.find_library`` run ``gcc`` and ``ld`` (about 20 ms
    each), a third of a second in all before the name that exists.  The names that load are in
    the ``ldconfig`` cache, so skipping those fallbacks changes nothing but the time; if a library
    is only found through them, :func:`import_weasyprint` imports again the ordinary way."""
    import ctypes.util

    original = ctypes.util.find_library
    ctypes.util.find_library = _ldconfig_only
    try:
        yield
    finally:
        ctypes.util.find_library = original


def import_weasyprint() -> None:
    """Import WeasyPrint, a third of a second faster on Linux (see :func:`_fast_library_lookup`).

    Raises :class:`PdfUnavailable` when WeasyPrint or its system libraries cannot be loaded
    (WeasyPrint raises OSError for a missing library; ImportError when it is not installed)."""
    try:
        _import_weasyprint()
    except (OSError, ImportError) as error:
        raise _unavailable(error) from error


def _import_weasyprint() -> None:
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        # WeasyPrint prints installation advice before raising when a library is missing.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
        return
    try:
        with _fast_library_lookup(), contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError:
        for module in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[module]
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401


def pdf_problem() -> str | None:
    """None when PDFs can be made here, else the one-line reason (:class:`PdfUnavailable`'s message)."""
    try:
        import_weasyprint()
    except PdfUnavailable as error:
        return str(error)
    return None


def url_fetcher() -> Any:
    """A WeasyPrint ``URLFetcher`` whose every fetch raises :class:`FetchRefused`."""
    import_weasyprint()
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
        def fetch(self, url: str, headers: Any = None) -> Any:
            return refuse_fetch(url)

    return RefusingFetcher(allowed_protocols=())


def render_pdf_bytes(comparison: Comparison) -> bytes:
    """The print report as PDF bytes."""
    from reports.html import render_document

    return pdf_from_print_html(render_document(comparison, for_print=True))


STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.S)
"""The page's one ``<style>`` element (article text is escaped, so it holds no other)."""

_parsed_styles: dict[str, Any] = {}
"""CSS text → WeasyPrint ``CSS``: the print style is the same for every report, and parsing it
is a twentieth of a render; the worker parses it while warming up."""


def _parsed_style(css: str) -> Any:
    import_weasyprint()
    from weasyprint import CSS

    sheet = _parsed_styles.get(css)
    if sheet is None:
        if len(_parsed_styles) >= 4:
            _parsed_styles.clear()
        sheet = _parsed_styles[css] = CSS(string=css, base_url=None, url_fetcher=url_fetcher())
    return sheet


LONG_WORD_CHARS = 150
"""In the PDF a word longer than this gets a break opportunity (U+200B, zero-width) after every
WORD_CHUNK_CHARS characters (a URL, however long, is rarely that long).  WeasyPrint lays out
the whole rest of a paragraph again for each line when it finds no break opportunity in the
first few dozen characters of the next line: a page of 5,000-character words took 50 s, and
the cost grows with the square of the paragraph; with the breaks, 2.6 s."""

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_LONG_WORD = re.compile(rf"[^\s<>&;\u200b]{{{LONG_WORD_CHARS + 1},}}")
WORD_CHUNK_CHARS = 20
_CHUNK = re.compile(rf"[^\s<>&;\u200b]{{{WORD_CHUNK_CHARS}}}(?=[^\s<>&;\u200b])")


def break_long_words(html: str) -> str:
    """``html`` with a zero-width space after every WORD_CHUNK_CHARS characters of a word longer than
    LONG_WORD_CHARS, in
    text only (never inside a tag or an entity: ``&``, ``;``, ``<`` and ``>`` end a word here)."""
    if not _LONG_WORD.search(html):
        return html
    parts = _TAG_OR_TEXT.split(html)
    for n in range(0, len(parts), 2):  # the even parts are the text between tags
        if _LONG_WORD.search(parts[n]):
            parts[n] = _LONG_WORD.sub(lambda word: _CHUNK.sub(lambda m: m.group() + "\u200b", word.group()), parts[n])
    return "".join(parts)


def pdf_from_print_html(html: str) -> bytes:
    """PDF bytes of the print page ``html`` (made by ``render_document(..., for_print=True)``).

    The page's ``<style>`` element is taken out and given to WeasyPrint as a stylesheet parsed
    once per process (the same CSS, applied the same way: the PDF is byte for byte the same)."""
    import_weasyprint()
    from weasyprint import HTML

    stylesheets = []
    style = STYLE_ELEMENT.search(html)
    if style is not None:
        stylesheets.append(_parsed_style(style.group(1)))
        html = html[: style.start()] + html[style.end() :]
    html = break_long_words(html)
    # WeasyPrint allocates hundreds of thousands of short-lived objects; pausing
    # the cyclic garbage collector while it runs saved about a tenth of the time
    # on the example story.  Nothing is leaked: collection resumes afterwards.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = HTML(string=html, base_url=None, url_fetcher=url_fetcher())
        pdf: bytes = document.write_pdf(stylesheets=stylesheets, pdf_identifier=False)
    finally:
        if collecting:
            gc.enable()
    return pdf


def render_pdf(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the print report as PDF to ``path`` (atomically)."""
    atomic_write(path, render_pdf_bytes(comparison))


WARM_UP_BODY = """<body class="print"><header class="masthead"><p class="kicker">storycompare report</p>
<h1 class="story-title">Warm-up</h1><p class="meta" data-generated="now">1 article</p></header><main>
<section class="section"><h2>Sources</h2><table class="grid"><thead><tr><th scope="col" class="g-col">Group</th>
<th scope="col" class="a-col">Departmental</th><th scope="col">Fact</th></tr></thead><tbody><tr><td class="g-col">
<a class="gnum c0" href="#s-a">G1</a></td><td class="a-col"><a class="cell c0" href="#s-a">1</a></td>
<td class="fact">text <span class="kind kind-agree">agree</span> <span class="stance stance-mixed">mixed</span></td>
</tr></tbody><tfoot><tr><th scope="row" colspan="2">Only here</th><td class="num">1</td></tr></tfoot></table>
<h3>Divergences</h3><article class="div-item"><h4 class="div-head">G1 <span class="muted">similarity</span></h4>
<p class="diff"><span class="dtype">quote</span> <span class="conflict">conflict</span> Quoted differently</p>
<p class="line member"><a class="who" href="#s-a">Outlet</a><span class="said">one <mark>two</mark> three</span></p>
</article><p class="quote">Quote <a class="cite" href="#s-a">Outlet, sentence 1</a></p>
<p class="para role-body"><b class="gt c0" id="s-a">G1</b> Text with <strong>bold</strong> words…</p>
</section></main></body>"""
"""A page with the report's kinds of boxes (table with header and footer, labels, marks, group chips,
bold text, a word to hyphenate in a narrow header cell, the running header's string)."""


_page_waiting: Any = None
"""The current :class:`PdfWorker`'s event, set in this process once the page to render is ready.
Its worker process, a fork, inherits it and stops warming up when it is set."""


def _warm_up() -> None:
    """Import WeasyPrint and lay out a tiny page: what every first render pays for.  Then, in a
    worker that knows when its page is ready (a fork), the rest of the first render's one-time
    costs, for as long as the comparison still runs in the parent.  A page already waiting once
    WeasyPrint is imported is laid out at once: it pays those costs itself, and the tiny page's
    own layout would only delay it."""
    waiting = _page_waiting
    import_weasyprint()
    if waiting is not None and waiting.is_set():
        return
    pdf_from_print_html("<p>storycompare</p>")
    if waiting is not None:
        warm_up_print_style(stop=waiting.is_set)


def warm_up_print_style(stop: Callable[[], bool] = lambda: False) -> None:
    """Parse the print style into this process's cache, then lay out a small page in it: the
    hyphenation dictionary, the bold font and font subsetting are made ready.  Between the two,
    ``stop()`` says whether to give up (the page to render is waiting)."""
    from reports.html import print_style

    if stop():
        return
    style = print_style()
    _parsed_style(style[len("<style>") : -len("</style>")])
    if stop():
        return
    pdf_from_print_html(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>storycompare</title>'
        f"{style}</head>{WARM_UP_BODY}</html>"
    )


class PdfWorker:
    """Renders the PDF in a second process that starts loading WeasyPrint at once.

    WeasyPrint takes about 0.7 s to import and warm up; the comparison itself
    takes about as long.  On a machine with two or more cores, starting the
    worker before the comparison runs both at the same time::

        with PdfWorker() as worker:          # WeasyPrint loads in the worker ...
            result = compare(files)          # ... while this runs here
            worker.render(result, "report.pdf")

    The page is made here (jinja2) and laid out there; the worker gets only the
    HTML string and returns PDF bytes, which are written here atomically.  When
    no worker process can be started, rendering happens in this process.
    """

    def __init__(self) -> None:
        self._pool: Any = None
        self._warm: Any = None
        self._waiting: Any = None

    def __enter__(self) -> PdfWorker:
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            methods = multiprocessing.get_all_start_methods()
            # fork copies this small process before the comparison loads anything large.
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            global _page_waiting
            self._waiting = _page_waiting = context.Event()  # before the fork, which inherits it
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
            )
            self._warm = self._pool.submit(_warm_up)
        except (OSError, ImportError, ValueError):
            self._pool = None
        return self

    def problem(self) -> str | None:
        """None when the worker (or, without one, this process) can make PDFs, else why not,
        as one line naming what to install (see :class:`PdfUnavailable`)."""
        if self._pool is not None:
            try:
                self._waiting.set()  # the worker stops warming up: a page is about to come
                self._warm.result()
                return None
            except PdfUnavailable as error:
                return str(error)
            except (OSError, RuntimeError):  # the worker died: this process will render
                pass
        return pdf_problem()

    def render_bytes(self, comparison: Comparison) -> bytes:
        """The print report as PDF bytes; :class:`PdfUnavailable` when WeasyPrint cannot load."""
        return self.submit(comparison)()

    def submit(self, comparison: Comparison) -> Callable[[], bytes]:
        """Start the print report's PDF: the page is made here and laid out in the worker while
        this process goes on (with the HTML and JSON reports); the function returned waits for
        the PDF bytes (:class:`PdfUnavailable` when WeasyPrint cannot load).  Without a worker,
        or when it has died, the function renders here."""
        from reports.html import render_document

        html = render_document(comparison, for_print=True)
        future: Any = None
        if self._pool is not None:
            try:
                self._waiting.set()  # the worker stops warming up: the page comes after its warm-up
                future = self._pool.submit(pdf_from_print_html, html)
            except (OSError, RuntimeError):  # the worker died (BrokenProcessPool is a RuntimeError)
                future = None

        def result() -> bytes:
            if future is not None:
                try:
                    self._warm.result()  # its PdfUnavailable first, as the warm-up met it
                    data: bytes = future.result()
                    return data
                except (OSError, RuntimeError):
                    pass
            return pdf_from_print_html(html)

        return result

    def render(self, comparison: Comparison, path: str | os.PathLike[str]) -> None:
        """Write the print report as PDF to ``path`` (atomically)."""
        atomic_write(path, self.render_bytes(comparison))

    def __exit__(self, *exc: object) -> None:
        global _page_waiting
        if self._pool is not None:
            self._waiting.set()
            self._pool.shutdown(wait=True, cancel_futures=True)
        if _page_waiting is self._waiting:
            _page_waiting = None
