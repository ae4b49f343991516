"""The HTML report: one self-contained page, checked in a real browser (headless Chromium) where one is installed."""

import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from checker import check
from checker.config import CheckConfig
from checker.report import Format, render
from checker.report.html import differing_words


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory, shipped_judge):
    report = check([SEEDS], CheckConfig(), judge=shipped_judge)
    page = tmp_path_factory.mktemp("html") / "seeds.html"
    with page.open("w", encoding="utf-8") as out:
        render(report, Format.html, out)
    return report, page


def test_the_page_is_self_contained(seeds_page):
    report, page = seeds_page
    html = page.read_text(encoding="utf-8")
    assert "<style>" in html and "<script>" in html
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", html)  # nothing fetched
    assert not re.search(r"https?://", html)
    assert html.count('class="finding ') == len(report.findings)  # the seeds repeat no pair of claims
    assert "North Korea has <mark>not</mark> confirmed the dispatch." in html


def test_the_words_that_differ_are_marked():
    a, b = differing_words("Police said 3,000 people marched.", "Police said 5,000 people marched <b>.")
    assert a == "Police said <mark>3,000</mark> people marched."
    assert b == "Police said <mark>5,000</mark> people marched <mark>&lt;b&gt;</mark>."
    # a run of differing words is one mark, the text between them as written (a mark per token reads as spaces)
    a, _ = differing_words("Troops went in support of Moscow’s war “without delay”.", "Troops went.")
    assert a == "Troops went <mark>in support of Moscow’s war “without delay”</mark>."


def _browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .[dev])")
    from selenium.webdriver.chrome.service import Service

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        pytest.skip("no Chromium with chromedriver installed (Debian: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1800"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver_path), options=options)


def test_in_a_browser_the_filters_hide_the_other_findings(seeds_page, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report, page = seeds_page
    driver = _browser()
    try:
        driver.get(page.resolve().as_uri())

        def visible():
            return [e for e in driver.find_elements(By.CSS_SELECTOR, ".finding") if e.is_displayed()]

        assert len(visible()) == len(report.findings) > 0
        assert driver.find_element(By.ID, "shown").text == f"{len(report.findings)} findings shown"
        first, top = visible()[0], report.findings[0]  # the page keeps the report's order
        assert top.pair.a.text in first.text and top.pair.b.text in first.text
        numeric = [f for f in report.findings if f.kind == "numeric"]
        Select(driver.find_element(By.ID, "kind")).select_by_value("numeric")
        assert {e.get_attribute("data-kind") for e in visible()} == {"numeric"} and len(visible()) == len(numeric)
        Select(driver.find_element(By.ID, "kind")).select_by_value("")
        driver.find_element(By.CSS_SELECTOR, "input[name=relation][value=agreement]").click()
        assert {e.get_attribute("data-relation") for e in visible()} == {"contradiction"}
        Select(driver.find_element(By.ID, "article")).select_by_value("003_kyiv_reaction")
        articles = [e for e in driver.find_elements(By.CSS_SELECTOR, ".doc") if e.is_displayed()]
        assert [e.get_attribute("data-doc") for e in articles] == ["003_kyiv_reaction"]
        assert all("003_kyiv_reaction" in e.get_attribute("data-docs").split() for e in visible())
        # a claim's place links to the claim in the article view
        Select(driver.find_element(By.ID, "article")).select_by_value("")
        link = visible()[0].find_element(By.CSS_SELECTOR, ".side a")
        target = driver.find_element(By.ID, link.get_attribute("href").split("#", 1)[1])
        assert target.tag_name == "li" and top.pair.a.text in target.text
        shot = Path(tmp_path) / "seeds-report.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()
