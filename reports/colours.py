"""The report's colours: the text colour, the group backgrounds and the highlight, and the WCAG
contrast check the tests hold them to (at least 4.5:1, AA).  ``templates/report.css`` takes
``--text`` and ``--mark`` from here (``reports.html``)."""

from __future__ import annotations

TEXT_COLOUR = "#1b1f24"
"""Text colour on every group background (and the page's body text)."""

PALETTE: tuple[str, ...] = (
    "#dbeafe",  # blue
    "#dcfce7",  # green
    "#fef3c7",  # amber
    "#fce7f3",  # pink
    "#e0e7ff",  # indigo
    "#ccfbf1",  # teal
    "#ffedd5",  # orange
    "#f3e8ff",  # purple
    "#ecfccb",  # lime
    "#cffafe",  # cyan
    "#fee2e2",  # red
    "#e7e5e4",  # stone
)
"""Light group backgrounds, cycled by group index; each has a contrast of at
least 4.5:1 (WCAG AA) with :data:`TEXT_COLOUR`.  Colour is never the only cue:
every grouped sentence also carries its group number, unique sentences a
dashed underline and an "only in …" badge."""

MARK_COLOUR = "#fde047"
"""Background of ``<mark>`` (words a divergent member does not share)."""


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
