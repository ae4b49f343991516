"""Every user-facing error, with a short code and a next step.

Library code raises these; only the CLI turns them into one-line messages and exit codes.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Base of all errors the CLI reports as a one-line message (exit code 2)."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(CheckerError):
    """A path or file the user gave cannot be read as input."""

    code = "E001"


class NoDocumentsError(InputError):
    """The paths held no readable article."""

    code = "E002"
    hint = "give .txt, .md, .html, .json or .jsonl files, or a folder that holds some"


class ModelLoadError(CheckerError):
    """The NLI model could not be loaded."""

    code = "E010"
    hint = "pass --model with a local directory or a Hugging Face id (the Hub needs network)"


class LabelMappingError(CheckerError):
    """The model's id2label cannot be mapped to entailment/neutral/contradiction."""

    code = "E011"
    hint = "pass --label-map like 'LABEL_0=contradiction,LABEL_1=entailment,LABEL_2=neutral'"


class MissingBackendError(CheckerError):
    """An optional dependency is not installed."""

    code = "E012"


def require(module: str, purpose: str, extra: str):
    """Import an optional module, or say in one line which extra of the package installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingBackendError(
            f"{purpose} needs {module.split('.')[0]}", hint=f'pip install "checker[{extra}]"'
        ) from None


class DataError(CheckerError):
    """A training, evaluation or scoring data file is unusable."""

    code = "E020"


class ConfigError(CheckerError):
    """A config file or option value is invalid."""

    code = "E030"


class CacheError(CheckerError):
    """The cache cannot be used (and could not be rebuilt)."""

    code = "E040"


class OutputError(CheckerError):
    """The output path cannot be written (a folder, under a file, read-only, full, or one of the inputs)."""

    code = "E050"


class WorkerError(CheckerError):
    """A worker process died (killed for memory, or crashed) before its work was done."""

    code = "E060"
