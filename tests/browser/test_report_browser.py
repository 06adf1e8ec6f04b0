"""The report in a real browser, opened from the file system: its script runs, selecting a fact
shows the evidence, nothing from a hostile document executes, and the page policy blocks inline code.

Needs Chromium, chromedriver and selenium (`make test-browser` installs them); skips otherwise.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (make test-browser installs it)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from pipeline import report  # noqa: E402
from tests.test_report import write_sample  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1440,1000",
]


def _find(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


CHROMIUM = _find("chromium", "chromium-browser", "google-chrome")
CHROMEDRIVER = _find("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="Chromium or chromedriver not found (make test-browser installs them as root)"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out, gold = write_sample(tmp_path_factory.mktemp("site"))
    return report.build_report(out, gold)


@pytest.fixture(scope="module")
def driver():
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, path: Path) -> list[dict]:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return driver.get_log("browser")


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


def _errors(logs: list[dict]) -> list[str]:
    return [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]


def _view(site, prefix: str):
    return next(v for v in site.views if v.doc_id.startswith(prefix))


def test_index_loads_and_its_script_runs(site, driver):
    logs = _open(driver, site.index)
    assert _errors(logs) == []
    assert driver.execute_script("return document.documentElement.classList.contains('js')"), "report.js did not run from file://"
    rows = driver.find_elements(By.CSS_SELECTOR, "table.docs tbody tr")
    assert len(rows) == len(site.views)
    assert driver.find_elements(By.CSS_SELECTOR, "tr.row-error")
    _shot(driver, "index.png")


def test_selecting_a_fact_highlights_and_scrolls_to_its_evidence(site, driver):
    view = _view(site, "profile")
    logs = _open(driver, site.directory / view.page)
    assert _errors(logs) == []
    _shot(driver, "document.png")
    wrong_cell = driver.find_element(By.CSS_SELECTOR, "tr.fact.st-wrong td")
    assert wrong_cell.value_of_css_property("background-color") == "rgba(255, 225, 225, 1)", "report.css not applied"
    pane = driver.find_element(By.ID, "doctext")
    assert driver.execute_script("return arguments[0].scrollTop", pane) == 0
    row = driver.find_elements(By.CSS_SELECTOR, "tr.fact")[-1]  # evidence at the end of a long text
    ev_id = row.get_attribute("data-ev")
    anchor = driver.find_element(By.ID, ev_id)
    assert "active" not in anchor.get_attribute("class").split()
    row.click()
    WebDriverWait(driver, 5).until(lambda d: "active" in anchor.get_attribute("class").split())
    assert "selected" in row.get_attribute("class").split()
    assert driver.execute_script("return arguments[0].scrollTop", pane) > 0
    visible = driver.execute_script(
        "var a = arguments[0].getBoundingClientRect(), p = arguments[1].getBoundingClientRect();"
        "return a.top >= p.top && a.bottom <= p.bottom;",
        anchor,
        pane,
    )
    assert visible, "the evidence was not scrolled into view"
    # only one evidence is active at a time
    driver.find_elements(By.CSS_SELECTOR, "tr.fact")[0].click()
    WebDriverWait(driver, 5).until(lambda d: "active" not in anchor.get_attribute("class").split())
    _shot(driver, "document-selected.png")


def test_verdict_filter_hides_other_rows(site, driver):
    view = _view(site, "profile")
    _open(driver, site.directory / view.page)
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="wrong"]').click()
    shown = [r for r in driver.find_elements(By.CSS_SELECTOR, "tr.fact") if r.is_displayed()]
    assert shown and all("st-wrong" in r.get_attribute("class").split() for r in shown)
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="all"]').click()
    assert all(r.is_displayed() for r in driver.find_elements(By.CSS_SELECTOR, "tr.fact"))


def test_hostile_document_runs_nothing(site, driver):
    view = _view(site, "evil")
    logs = _open(driver, site.directory / view.page)
    for row in driver.find_elements(By.CSS_SELECTOR, "tr.fact"):
        row.click()
    for el in driver.find_elements(By.CSS_SELECTOR, ".ent, .date, .ev"):
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", el)
    logs += driver.get_log("browser")
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert "pwned" not in driver.title
    assert driver.execute_script("return document.querySelectorAll('img, iframe, textarea').length") == 0
    assert driver.execute_script("return document.querySelectorAll('script').length") == 1
    assert _errors(logs) == []
    _shot(driver, "hostile.png")


def test_policy_blocks_inline_code_even_when_injected(site, driver):
    """Proves the CSP is in force: markup that escaped escaping could still not run."""
    view = _view(site, "profile")
    _open(driver, site.directory / view.page)
    driver.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.pwned = 1'; document.body.appendChild(s);"
        "var d = document.createElement('div'); d.innerHTML = '<img src=\"data:,x\" onerror=\"window.pwned = 2\">';"
        "document.body.appendChild(d);"
        "var r = document.createElement('img'); r.src = 'https://example.com/pixel.png'; document.body.appendChild(r);"
    )
    seen: list[str] = []

    def violations(d) -> bool:
        seen.extend(e["message"] for e in d.get_log("browser"))
        return sum("Content Security Policy" in m for m in seen) >= 3

    WebDriverWait(driver, 5).until(violations)
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert any("example.com" in m for m in seen), "the remote image was not refused by the policy"
