"""Shared test helpers: the seed articles and a check that output is really grounded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import instructor
import pytest

from summarizer.providers.client import Endpoint
from summarizer.providers.models import DEFAULT_MODEL, resolve
from summarizer.schema import Summary

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = "000_6f45e5dc13dfd058"
SEED_001 = "001_1679f06f00c41463"


def seed_text(name: str) -> str:
    return (ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed0() -> str:
    return seed_text(SEED_000)


@pytest.fixture(scope="session")
def seed1() -> str:
    return seed_text(SEED_001)


def assert_grounded(text: str, summary: Summary) -> None:
    """Every kept item points at the article's own text: the guarantee users rely on."""
    items = [*summary.who, *summary.where, *summary.when, *summary.quotes]
    if summary.what:
        items += summary.what.evidence
    for item in items:
        assert item.start is not None
        assert item.end is not None
        assert item.match is not None
        assert text[item.start : item.end] == item.text, item
    for quote in summary.quotes:
        assert quote.speaker_check in ("verified", "unverified")
        assert quote.speaker_reason
        if quote.speaker_check == "verified":
            assert quote.speaker_start is not None
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None
            assert quote.speaker_end > quote.speaker_start


def rejected_texts(summary: Summary, field: str) -> list[str]:
    return [r.claim for r in summary.rejected if r.field == field]


# --- model runs: live (--live), recorded (--record-mode=…), or replayed (the default) ---

REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens here: replays never reach it
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--live", action="store_true", help="run the live tests on the embedded model")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "live: runs the real embedded model (needs --live)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--live"):
        return
    skip = pytest.mark.skip(reason="live model test: run with --live (make smoke)")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Cassettes match on method, path and body (the port of a local server varies) and
    keep no credential: these headers are dropped before anything is written."""
    return {
        "match_on": ["method", "path", "body"],
        "filter_headers": SECRET_HEADERS,
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(ROOT / "cassettes")


def recording(config: pytest.Config) -> bool:
    return config.getoption("--record-mode", default="none") not in ("none", None)


@pytest.fixture(scope="session")
def model_server(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """A real embedded model server's base URL when recording or live; None to replay."""
    if not (recording(request.config) or request.config.getoption("--live")):
        yield None
        return
    from summarizer.providers.server import local_server

    with local_server(resolve(DEFAULT_MODEL)) as server:
        yield server.base_url


def endpoint(base_url: str | None) -> Endpoint:
    return Endpoint(base_url or REPLAY_URL, DEFAULT_MODEL, "local", instructor.Mode.TOOLS)


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own empty response cache: a user's cache never answers a test, and
    one test's answers never answer another's."""
    path = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(path))
    return path
