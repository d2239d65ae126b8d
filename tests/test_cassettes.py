"""Recordings carry no secret: no credential header and nothing shaped like a key."""

from __future__ import annotations

import re

from tests.conftest import ROOT, SECRET_HEADERS

KEY_SHAPES = re.compile(r"sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._-]{8,}", re.IGNORECASE)


def test_cassettes_exist() -> None:
    assert sorted((ROOT / "cassettes").glob("*.yaml")), "no recordings: run `make record`"


def test_no_cassette_holds_a_credential() -> None:
    for cassette in sorted((ROOT / "cassettes").glob("*.yaml")):
        text = cassette.read_text(encoding="utf-8")
        for header in SECRET_HEADERS:
            assert not re.search(rf"^\s+{re.escape(header)}:", text, re.I | re.M), (
                cassette,
                header,
            )
        assert not KEY_SHAPES.search(text), cassette
