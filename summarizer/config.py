"""Which model to call: command-line options, then a config file, then the environment.

With no endpoint configured the embedded local model is used. Secrets are read from the
environment only (`OPENAI_API_KEY`); a config file holds settings, never keys.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from summarizer.providers.models import DEFAULT_MODEL, MODELS

if TYPE_CHECKING:
    from summarizer.providers.client import Endpoint


class ConfigError(Exception):
    """Settings that do not make a usable endpoint; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """What the user asked for; None means 'not said here'."""

    base_url: str | None = None
    model: str | None = None
    mode: str | None = None
    max_attempts: int | None = None
    timeout: float | None = None
    prompt: str | None = None

    def over(self, other: Settings) -> Settings:
        """These settings, falling back to `other` for what these leave unsaid."""
        return Settings(
            **{f.name: getattr(self, f.name) if getattr(self, f.name) is not None
               else getattr(other, f.name) for f in fields(self)}
        )  # fmt: skip


def config_path(given: str | None) -> Path | None:
    """--config, else $SUMMARIZER_CONFIG, else ~/.config/summarizer/config.toml if present."""
    if given:
        return Path(given)
    if env := os.environ.get("SUMMARIZER_CONFIG"):
        return Path(env)
    default = Path.home() / ".config" / "summarizer" / "config.toml"
    return default if default.is_file() else None


def load_config(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot be read as TOML ({err})") from None
    known = {f.name for f in fields(Settings)}
    if "api_key" in data:
        raise ConfigError(f"{path}: keys do not belong in a config file; set OPENAI_API_KEY")
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    for key, value in data.items():
        if (why := _wrong_value(key, value)) is not None:
            shown = json.dumps(value, default=str)
            raise ConfigError(f"{path}: {key} = {shown}: {why}")
    if "timeout" in data:
        data["timeout"] = float(data["timeout"])
    return Settings(**data)


# The bounds the command-line options take (cli/common.py), for the same settings in a file.
ATTEMPTS = (1, 10)
MIN_TIMEOUT = 0.1


def _wrong_value(key: str, value: Any) -> str | None:
    """Why a config file's `value` cannot be `key`, as the option would refuse it; None if
    it can (`timeout = "x"` was a traceback, `max_attempts = 1000` was taken)."""
    if key == "max_attempts":
        if not isinstance(value, int) or isinstance(value, bool):
            return "not a whole number"
        low, high = ATTEMPTS
        if value < low:
            return f"must be at least {low}"
        return f"must be at most {high}" if value > high else None
    if key == "timeout":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return "not a number of seconds"
        return None if value >= MIN_TIMEOUT else f"must be at least {MIN_TIMEOUT}"  # NaN too
    return None if isinstance(value, str) else "not a string"


def from_environment() -> Settings:
    return Settings(base_url=os.environ.get("OPENAI_BASE_URL") or None)


def resolve_settings(given: Settings, config: str | None = None) -> Settings:
    """What to use: `given` (options, or API arguments), then the config file (`config`,
    else $SUMMARIZER_CONFIG, else ~/.config/summarizer/config.toml), then the environment;
    checked before any work starts (ConfigError)."""
    settings = given.over(load_config(config_path(config))).over(from_environment())
    if settings.mode:
        mode_of(settings.mode)
    return settings


def mode_of(name: str | None, default: str = "tool_call") -> Any:
    """The instructor mode of `name` (its value: 'tool_call', 'tools_strict', …); a
    ConfigError for one that does not exist."""
    from summarizer.providers.client import parse_mode  # instructor: only when asked

    try:
        return parse_mode(name, default)
    except ValueError as err:
        raise ConfigError(str(err)) from None


def resolve_endpoint(settings: Settings) -> Endpoint | None:
    """The remote endpoint to call, or None for the embedded local model.

    None (`--model none`): the text-only endpoint, which calls nothing. Local: no base URL
    and no model, or a local model's name. OpenAI: no base URL and
    another model name (needs OPENAI_API_KEY). Any other server: a base URL and a model.
    """
    # Imported here, not at the top: they bring openai and spaCy (about a second), which
    # `--help` and the checks before any work never need.
    from summarizer.pipeline.textonly import NO_MODEL, TEXT_PROVIDER
    from summarizer.providers.client import DEFAULT_TIMEOUT, OPENAI_URL, Endpoint

    api_key = os.environ.get("OPENAI_API_KEY") or ""
    timeout = settings.timeout or DEFAULT_TIMEOUT
    if settings.model == NO_MODEL:  # the text's own summary: nothing to call
        return Endpoint(base_url="", model=NO_MODEL, provider=TEXT_PROVIDER, mode=mode_of(None))
    if settings.base_url is None:
        if settings.model is None or settings.model in MODELS:
            return None
        if not api_key:
            raise ConfigError(
                f"model '{settings.model}' is not a local model, so it is called on OpenAI, "
                "which needs OPENAI_API_KEY (or give --base-url for another server)"
            )
        base_url = OPENAI_URL
    else:
        base_url = settings.base_url
        if urlparse(base_url).scheme not in {"http", "https"}:
            raise ConfigError(f"--base-url must be an http(s) URL, not '{base_url}'")
    if not settings.model:
        raise ConfigError(f"a model name is needed for {base_url} (--model)")
    is_openai = urlparse(base_url).hostname == "api.openai.com"
    return Endpoint(
        base_url=base_url,
        model=settings.model,
        provider="openai" if is_openai else "openai-compatible",
        mode=mode_of(settings.mode, "tools_strict" if is_openai else "tool_call"),
        api_key=api_key or "not-needed",
        timeout=timeout,
    )


def local_model_name(settings: Settings) -> str:
    return settings.model or DEFAULT_MODEL
