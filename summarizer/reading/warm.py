"""Imported once by the parse workers' fork server (`workers.parse_pool`): the pipeline is
loaded there, so that each worker forked from it starts with it, in milliseconds, sharing
its pages, instead of a second of imports and loading each, every batch."""

from __future__ import annotations

import contextlib

from summarizer.reading.pipeline import PipelineMissingError, nlp

# Missing, the workers' own first parse says so, in the words the command shows.
with contextlib.suppress(PipelineMissingError):
    nlp()
