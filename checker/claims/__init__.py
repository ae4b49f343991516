"""Document -> Claim: the sentences of an article that assert something, with who asserts them."""

from __future__ import annotations

from .extract import extract_all, extract_claims

__all__ = ["extract_all", "extract_claims"]
