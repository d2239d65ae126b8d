"""Local model weights: assembled from installed slices, verified, and clear when not."""

from __future__ import annotations

import hashlib
import sys
import tomllib
from pathlib import Path

import pytest

from summarizer.providers import models
from summarizer.providers.models import LocalModel, ModelError
from tests.conftest import ROOT


def fake_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt: bool = False
) -> LocalModel:
    """Three importable slice packages on sys.path, as pip would install them."""
    slices = [b"GGUF" + bytes(range(200)), b"middle" * 1000, b"end"]
    for i, data in enumerate(slices, start=1):
        pkg = tmp_path / "site" / f"fakemodel_part{i}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data" / f"part{i:02d}.bin").write_bytes(data if not (corrupt and i == 2) else b"x")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache"))
    whole = b"".join(slices)
    return LocalModel(
        "fake",
        "a test model",
        "fakemodel-part",
        3,
        "1.0",
        hashlib.sha256(whole).hexdigest(),
        len(whole),
    )


def test_assembles_in_order_and_verifies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = fake_model(tmp_path, monkeypatch)
    assert models.status(model) == "packages installed, not assembled"
    path = models.assemble(model)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == model.sha256
    assert path.parent == tmp_path / "cache" / "models"
    assert models.status(model) == "ready"
    assert sorted(p.name for p in path.parent.iterdir()) == ["fake.gguf", "fake.verified"]


def test_a_changed_file_is_no_longer_ready(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = fake_model(tmp_path, monkeypatch)
    path = models.assemble(model)
    path.write_bytes(b"truncated")
    assert models.status(model) != "ready"
    assert hashlib.sha256(models.assemble(model).read_bytes()).hexdigest() == model.sha256


def test_corrupt_slices_are_refused_and_nothing_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = fake_model(tmp_path, monkeypatch, corrupt=True)
    with pytest.raises(
        ModelError, match=r"model fake is corrupt .*`summarizer models install fake --force`"
    ):
        models.assemble(model)
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_missing_packages_say_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path))
    model = LocalModel("absent", "", "no-such-package-part", 2, "1.0", "0" * 64, 1)
    assert models.status(model) == "not installed"
    with pytest.raises(ModelError, match=r"run `summarizer models install absent`"):
        models.assemble(model)


def test_unknown_model_name() -> None:
    with pytest.raises(ModelError, match="unknown local model 'gpt-9'"):
        models.resolve("gpt-9")


def test_the_local_extra_installs_the_default_model() -> None:
    """pyproject's `local` extra and the registry must name the same slices."""
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["local"]
    assert set(models.MODELS[models.DEFAULT_MODEL].requirements) <= set(extra)
    assert any(req.startswith("llama-cpp-python[server]") for req in extra)
    assert sys.version_info >= (3, 11)
