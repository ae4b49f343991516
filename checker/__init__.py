"""checker: offline claim consistency and contradiction checking for news articles.

The library is usable on its own::

    from checker import check, check_texts, Document
    report = check(["seeds/"])                      # files or folders
    report = check_texts(["The bridge reopened on Monday.", "The bridge is still closed."])
    report = check([Document(id="a", text="...", date="2025-04-27")])

No cache is written unless the config asks for one (`load_config(cache=True)`); the `check` command caches.

Heavy dependencies (torch, transformers, onnxruntime) are imported only when a model is loaded.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "check",
    "check_texts",
    "load_config",
    "CheckConfig",
    "CheckerError",
    "Document",
    "Report",
    "load_judge",
]


def __getattr__(name: str):  # lazy exports keep `import checker` light
    if name in ("check", "check_texts"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("load_config", "CheckConfig"):
        from . import config

        return getattr(config, name)
    if name == "CheckerError":
        from .errors import CheckerError

        return CheckerError
    if name in ("Report", "Document"):
        from . import records

        return getattr(records, name)
    if name == "load_judge":
        from .judge import load_judge

        return load_judge
    raise AttributeError(name)
