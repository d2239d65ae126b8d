"""Headless Chromium for the HTML view's tests and screenshots: Debian's `chromium`
driven by Playwright (`executable_path`, never a browser download), and a PNG reader so a
test can look at a screenshot (with Pillow).

Without the browser the tests that need it are skipped with a note saying how to get it.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
HOW_TO_GET = (
    "headless Chromium is not installed: apt-get install chromium chromium-driver "
    "(and pip install -e '.[dev]' for Playwright); .ci/run installs both"
)
# A closed network: nothing in the background, no updates, no QUIC probes.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return HOW_TO_GET
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return HOW_TO_GET
    return None


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium, closed after. Playwright gives each launch a fresh temporary
    profile of its own (and removes it), so no user's profile or cache is touched."""
    from playwright.sync_api import sync_playwright

    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def look(png: bytes) -> tuple[tuple[int, int], int]:
    """A screenshot's size and how many colours it shows (a blank page shows one)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        return image.size, len(colours) if colours is not None else 1 << 16
