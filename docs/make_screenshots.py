"""Regenerate the README pictures from this project's own output.

    .venv/bin/python docs/make_screenshots.py

Needs Debian's chromium and poppler-utils (pdftoppm). Writes docs/report.png (the HTML
report, top of the page) and docs/report-pdf-page1.png (the PDF's first page).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
]


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not shutil.which("pdftoppm"):
        print("needs chromium and pdftoppm (apt-get install chromium poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([sys.executable, "-m", "storycompare", "demo", "--out", str(out)], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={out / 'profile'}", "--window-size=1280,1600",
             f"--screenshot={ROOT / 'docs' / 'report.png'}", (out / "nato-russia-2010.html").as_uri()],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(out / "nato-russia-2010.pdf"), str(ROOT / "docs" / "report-pdf-page1")], check=True)
    print("wrote docs/report.png and docs/report-pdf-page1.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
