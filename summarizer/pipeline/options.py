"""How to summarise one article, apart from the path that does it (`article`): the
command line checks these before any work, without importing spaCy or openai."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.pipeline.prompting import DEFAULT_PROMPT


@dataclass(frozen=True)
class Options:
    """How to summarise one article: prompt, re-ask bound, and the size limits of one call.
    The one place their defaults are kept (the CLI and the Python API take them from here)."""

    prompt: str = DEFAULT_PROMPT
    # One call per article: a re-ask costs a whole second call (the article is read again).
    max_attempts: int = 1
    temperature: float = 0.0
    # The answer is one sentence and a few names (~50 tokens); the schema's bounds keep it far
    # below this, and an answer cut here keeps what it had parsed.
    max_output_tokens: int = 400
    chunk_chars: int = 12_000  # ~3,000 tokens of article per call: fits an 8k context
