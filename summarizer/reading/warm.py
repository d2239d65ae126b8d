"""Imported once by the parse workers' fork server (`workers.parse_pool`): the pipeline, and
the first names and WordNet that tell which words are a name's (`namespan`), are loaded
there, so that each worker forked from it starts with them, in milliseconds, sharing their
pages, instead of a second or two of imports and loading each, every batch."""

from __future__ import annotations

import contextlib

from summarizer.reading.gender import first_name_gender
from summarizer.reading.pipeline import PipelineMissingError, nlp
from summarizer.reading.wordnet import WordNetMissingError, names_an_agent

# Missing, the workers' own first parse says so, in the words the command shows.
with contextlib.suppress(PipelineMissingError):
    nlp()
with contextlib.suppress(WordNetMissingError):
    names_an_agent("spokesman")
first_name_gender("Maria")
