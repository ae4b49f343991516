import shutil
import threading

from conftest import SEEDS, FakeJudge

from checker.cache import Cache
from checker.config import CheckConfig
from checker.pipeline import check


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_incremental_recheck_scores_only_pairs_of_the_changed_article(tmp_path):
    folder = corpus(tmp_path)
    config = CheckConfig(cache_dir=str(tmp_path / "cache"))
    first_judge = FakeJudge()
    first = check([folder], config, judge=first_judge)
    assert len(first_judge.calls) == 2 * first.pairs_scored

    again = FakeJudge()
    second = check([folder], config, judge=again)
    assert again.calls == [] and second.findings == first.findings

    changed = folder / "002_moscow_acknowledges.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("around 11,000", "around 12,000"), encoding="utf-8")
    third_judge = FakeJudge()
    third = check([folder], config, judge=third_judge)
    changed_claim = next(c for c in third.claims if "12,000" in c.text)
    involving = [p for p in third_judge.calls if changed_claim.text in p]
    # every pair with the changed claim, in both directions, and nothing else
    assert len(involving) == len(third_judge.calls) == 2 * (len(third.claims) - 1)


def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / "cache.sqlite3").write_bytes(b"this is not a database" * 100)
    warnings = []
    cache = Cache(directory, warn=warnings.append)
    assert warnings and "rebuilding" in warnings[0]
    assert cache.get_judgements("m", ["x"]) == {}
    cache.close()


def test_two_runs_at_once_share_the_cache(tmp_path):
    folder = corpus(tmp_path)
    config = CheckConfig(cache_dir=str(tmp_path / "cache"))
    results, errors = [], []

    def run():
        try:
            results.append(check([folder], config, judge=FakeJudge()))
        except Exception as error:  # pragma: no cover - the assertion below reports it
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 2
    assert results[0].findings == results[1].findings
