"""The README's screenshots of the HTML view, taken in headless Chromium (`make screenshots`).

docs/seed-view.png: `summarizer check seeds/001_….txt examples/001.summary.json --format
html` on a laptop-sized window (1280×800), the page as a reader first sees it.
docs/compare-view.png: `summarizer compare seeds/ --model none --format html`, likewise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.browser: the same Chromium the tests drive

from summarizer.compare import compare  # noqa: E402
from summarizer.grounding import ground  # noqa: E402
from summarizer.html import compare_page, summary_page  # noqa: E402
from summarizer.inputs import read_article, read_summary  # noqa: E402
from summarizer.pipeline.textonly import text_summary  # noqa: E402
from tests.browser import LAPTOP, chromium, look, missing  # noqa: E402

MAX_BYTES = 300_000  # kept small: the repository carries it


def seed_view() -> str:
    article = read_article("seeds/001_1679f06f00c41463.txt")  # the path a user types
    draft = read_summary("examples/001.summary.json")
    draft = draft.model_copy(update={"article": article.info()})
    return summary_page([(article.text, ground(article.text, draft))])


def compare_view() -> str:
    articles = [read_article(f"seeds/{name}") for name in sorted(os.listdir("seeds"))]
    texts = [a.text for a in articles]
    return compare_page(compare([(text_summary(a), a.text) for a in articles]), texts)


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    os.chdir(ROOT)
    why = missing()
    if why:
        print(f"screenshots: {why}", file=sys.stderr)
        return 2
    shots = {"seed-view.png": seed_view(), "compare-view.png": compare_view()}
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        for name, html in shots.items():
            page_file = Path(folder) / "page.html"
            page_file.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport=LAPTOP)  # type: ignore[arg-type]
            page.goto(page_file.as_uri())
            png = page.screenshot()
            page.close()
            size, colours = look(png)
            if len(png) >= MAX_BYTES or colours <= 50:
                print(f"screenshots: {name}: {len(png)} bytes, {colours} colours", file=sys.stderr)
                return 1
            (ROOT / "docs").mkdir(exist_ok=True)
            (ROOT / "docs" / name).write_bytes(png)
            print(f"docs/{name}: {size[0]}×{size[1]}, {len(png) // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
