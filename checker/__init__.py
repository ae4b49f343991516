"""checker: offline claim consistency and contradiction checking for news articles.

The library is usable on its own::

    from checker import check, load_config
    report = check(["seeds/"], load_config())

Heavy dependencies (torch, transformers, onnxruntime) are imported only when a model is loaded.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load_config", "CheckConfig", "CheckerError", "Report", "load_judge"]


def __getattr__(name: str):  # lazy exports keep `import checker` light
    if name == "check":
        from .pipeline import check

        return check
    if name in ("load_config", "CheckConfig"):
        from . import config

        return getattr(config, name)
    if name == "CheckerError":
        from .errors import CheckerError

        return CheckerError
    if name == "Report":
        from .records import Report

        return Report
    if name == "load_judge":
        from .judge import load_judge

        return load_judge
    raise AttributeError(name)
