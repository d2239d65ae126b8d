"""What an install is told: bounds the pinned versions meet, one set of build flags, and
errors that name a step that works from the wheel.

A fresh install of the wheel took 5 min 41 s: `openai>=1.40` let pip try 67 versions of
openai that instructor 1.17's jiter bound rules out. tests/test_wheel.py installs the wheel
and fails on pip's resolver notes; these check the files that steer it, without a network.
"""

from __future__ import annotations

import re
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from summarizer.providers import server
from summarizer.providers.models import ModelError
from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pinned() -> dict[str, str]:
    """constraints.txt: name → version."""
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def requirements() -> list[Requirement]:
    extras = PROJECT["optional-dependencies"]
    return [Requirement(r) for r in PROJECT["dependencies"] + extras["local"] + extras["dev"]]


def test_constraints_pin_every_dependency_within_its_bounds() -> None:
    pins = pinned()
    outside = [
        f"{req} but constraints.txt has {pins.get(canonicalize_name(req.name))}"
        for req in requirements()
        if not req.specifier.contains(pins.get(canonicalize_name(req.name), "absent"))
    ]
    assert outside == []


def test_bounds_leave_out_what_instructor_refuses() -> None:
    """The newest openai and rich that PyPI has, which pip tried first: instructor 1.17
    needs jiter<0.15 (openai 3.3.1 on needs jiter>=0.16) and rich<15."""
    ours = {str(canonicalize_name(r.name)): r for r in map(Requirement, PROJECT["dependencies"])}
    assert not ours["openai"].specifier.contains("3.3.1")
    assert ours["openai"].specifier.contains("3.3.0")
    assert not ours["rich"].specifier.contains("15.0.0")


def makefile_flags() -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^LLAMA_CMAKE_ARGS := (.+)$", makefile, re.M)
    assert found
    return found.group(1).strip()


def test_the_readme_installs_the_local_extra_from_the_wheel_cache_with_the_safe_flags() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r'^CMAKE_ARGS="([^"]+)" \\\n  (pip install [^\n]+)$', readme, re.M)
    assert command, "the README's pip install of the local extra"
    flags, install = command.groups()
    assert flags == makefile_flags() == server.SAFE_CMAKE_ARGS
    assert "--find-links ~/.cache/summarizer/wheels" in install
    assert "-c constraints.txt" in install
    assert install.endswith("'.[local]'")


def test_without_llama_the_error_names_a_pip_install_that_works_from_the_wheel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp.server", None)  # import fails
    with pytest.raises(ModelError) as raised:
        server.require_llama()
    message = str(raised.value)
    (local,) = [r for r in PROJECT["optional-dependencies"]["local"] if "llama" in r]
    assert f"CMAKE_ARGS='{makefile_flags()}' pip install '{local}'" in message
    assert "make" not in message.split()
    assert "\n" not in message
