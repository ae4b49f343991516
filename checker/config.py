"""Settings of a check as one frozen dataclass; precedence: defaults < config file < environment < flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

import tomllib

from .errors import ConfigError

FAIL_ON = ("contradiction", "agreement", "any", "none")
ENV_PREFIX = "CHECKER_"


@dataclass(frozen=True)
class CheckConfig:
    """How a check runs. Every field is also a TOML key of a config file and a CHECKER_<FIELD> variable."""

    model: str | None = None  # None: $CHECKER_MODEL, then the shipped model
    backend: str = "auto"  # auto | onnx | transformers
    within: bool = True  # also pair claims of the same document
    exhaustive: bool = False  # score every pair, however many
    max_exhaustive_claims: int = 300  # above this many claims, score candidate pairs only
    neighbours: int = 10  # nearest neighbours per claim in candidate mode
    # pairs whose claims are further apart in meaning (cosine of their sentence embeddings) are not judged, unless
    # their parsed facts can be compared (checker/pairing.py says why; 0: judge them)
    min_similarity: float = 0.4
    # None: the model's calibrated thresholds (checker_thresholds in its config.json), else 0.55 and 0.7
    contradiction_threshold: float | None = None
    agreement_threshold: float | None = None
    fail_on: str = "contradiction"
    max_length: int = 256
    batch_size: int = 64
    max_file_mb: float = 20.0
    # a run's documents, all inputs together: pairing and judging grow with the claims, so a 2 MB JSONL of 100,000
    # one-line documents would take hours; refused at once instead (10,000 news articles take about 30 minutes)
    max_documents: int = 20_000
    trust_remote_code: bool = False
    label_map: str | None = None
    # judge the longer claim as premise first and skip the reverse direction when that is at least this neutral
    # (0: always both directions). On the first 300 news articles, checked exhaustively in groups of 10, 0.9 skips
    # 44% of reverse judgements and changes 3 of 8,597 pairs' relations (three weak agreements, no contradiction)
    skip_neutral: float = 0.9
    # decide with the learned decision stored beside the model (decision.json), where it has one; False: the hand-set
    # rules of checker/relate.py, as for a model without a decision
    decision: bool = True
    cache: bool = False  # reuse judgements and embeddings from earlier runs (the check command turns it on)
    cache_dir: str = ".checker-cache"

    def validate(self) -> CheckConfig:
        if self.fail_on not in FAIL_ON:
            raise ConfigError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")
        if self.backend not in ("auto", "onnx", "transformers"):
            raise ConfigError(f"--backend must be auto, onnx or transformers, not {self.backend!r}")
        if not 0.0 <= self.min_similarity <= 1.0:
            raise ConfigError(f"--min-similarity must be in [0, 1], not {self.min_similarity}")
        if not 0.0 <= self.skip_neutral <= 1.0:
            raise ConfigError(f"skip_neutral must be in [0, 1], not {self.skip_neutral}")
        for name in ("contradiction_threshold", "agreement_threshold"):
            if getattr(self, name) is not None and not 0.0 < getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], not {getattr(self, name)}")
        if self.max_file_mb <= 0:
            raise ConfigError(f"--max-file-mb must be above 0, not {self.max_file_mb}")
        if self.max_documents <= 0:
            raise ConfigError(f"--max-documents must be above 0, not {self.max_documents}")
        return self


def _coerce(name: str, kind: type, raw: object) -> object:
    if raw is None or isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(f"{name}: cannot read {raw!r} as {kind.__name__}") from None


_TYPES = {
    "model": str,
    "backend": str,
    "within": bool,
    "exhaustive": bool,
    "max_exhaustive_claims": int,
    "neighbours": int,
    "min_similarity": float,
    "contradiction_threshold": float,
    "agreement_threshold": float,
    "fail_on": str,
    "max_length": int,
    "batch_size": int,
    "max_file_mb": float,
    "max_documents": int,
    "trust_remote_code": bool,
    "label_map": str,
    "cache": bool,
    "decision": bool,
    "skip_neutral": float,
    "cache_dir": str,
}


def load_config(
    path: str | Path | None = None,
    environ: dict[str, str] | None = None,
    base: CheckConfig | None = None,
    **flags: object,
) -> CheckConfig:
    """Build the config from `base` (default: the library's defaults), a TOML file, CHECKER_* variables and flags
    (None means 'not given')."""
    values: dict[str, object] = {}
    if path is not None:
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: cannot read config: {error}") from None
        section = raw.get("check", raw)
        unknown = sorted(set(section) - set(_TYPES))
        if unknown:
            raise ConfigError(f"{path}: unknown settings {', '.join(unknown)}")
        values.update({k: _coerce(f"{path}: {k}", _TYPES[k], v) for k, v in section.items()})
    environ = os.environ if environ is None else environ
    for field in fields(CheckConfig):
        variable = ENV_PREFIX + field.name.upper()
        if variable in environ and environ[variable] != "":
            values[field.name] = _coerce(variable, _TYPES[field.name], environ[variable])
    if values.get("trust_remote_code"):  # running a model's own code is asked for by a person, on the command line
        where = (
            f"{path}: trust_remote_code"
            if path is not None and "trust_remote_code" in section
            else "CHECKER_TRUST_REMOTE_CODE"
        )
        raise ConfigError(f"{where}: a model's own code runs only with the --trust-remote-code flag")
    values.update({k: v for k, v in flags.items() if v is not None})
    return replace(base or CheckConfig(), **values).validate()
