"""Shared fixtures: a deterministic fake judge, a tiny model built on the fly, and the shipped model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.compare.words import overlap
from checker.records import Judgement, ModelInfo

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "cases"
_NEGATED = re.compile(r"\b(not|no|never)\b|n't\b", re.I)


class FakeJudge:
    """Word-overlap NLI: same words -> entailment, one side negated -> contradiction, else neutral."""

    info = ModelInfo(name="fake", backend="test")

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def judge_batch(self, pairs, progress=None):
        self.calls.extend(pairs)
        out = []
        for premise, hypothesis in pairs:
            shared = overlap(premise, hypothesis)
            if shared >= 0.6 and bool(_NEGATED.search(premise)) != bool(_NEGATED.search(hypothesis)):
                out.append(Judgement(0.02, 0.08, 0.90))
            elif shared >= 0.8:
                out.append(Judgement(0.90, 0.08, 0.02))
            else:
                out.append(Judgement(0.05, 0.90, 0.05))
        if progress:
            progress(len(pairs))
        return out


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every test gets its own cache directory, never the checkout's .checker-cache."""
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def fake_judge() -> FakeJudge:
    return FakeJudge()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A 1-layer BERT NLI classifier with random weights and the MiniLM tokenizer, saved like a real model."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from checker.lab.train import default_base_model

    directory = tmp_path_factory.mktemp("tiny-model")
    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(default_base_model())
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        num_labels=3,
        id2label={0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"},
        label2id={"CONTRADICTION": 0, "ENTAILMENT": 1, "NEUTRAL": 2},
    )
    BertForSequenceClassification(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(scope="session")
def shipped_judge():
    """The real shipped model, loaded once per session."""
    from checker.judge import default_model_path, load_judge

    if not default_model_path().exists():
        pytest.fail(f"the shipped model is missing at {default_model_path()}")
    return load_judge()
