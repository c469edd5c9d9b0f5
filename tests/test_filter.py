"""`timeline filter`: each flag, OR within a flag, AND across flags, and window edges."""

from __future__ import annotations

import json

import pytest

from .conftest import FIXTURES, run

CORPUS = str(FIXTURES / "corpus")


def ids(*args: str) -> list[str]:
    result = run("filter", CORPUS, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return [event["id"] for event in json.loads(result.stdout)["events"]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "Ville de Montreal"], ["montreal-declaration", "montreal-sanctuary-city", "doj-report"]),
        (["--actor", "VILLE DE MONTRÉAL"], ["montreal-declaration", "montreal-sanctuary-city", "doj-report"]),
        (["--actor", "montreal", "--role", "target"], ["doj-report"]),
        (["--actor", "Judge Orrick"], ["orrick-injunction"]),
        (["--actor", "Trump", "--actor", "Greenpeace"], ["nuclear-free-decade", "eo-13768", "sf-lawsuit"]),
        (["--kind", "ruling", "--kind", "lawsuit"], ["sf-lawsuit", "orrick-injunction"]),
        (["--kind", "report", "--actor", "us-government"], ["doj-report"]),
        (["--controversy", "london-brexit"], ["london-election", "khan-tour"]),
        (["--tag", "executive-order"], ["eo-13768"]),
        (["--register", "policy"], ["sf-lawsuit"]),
        (["--text", "MONTREAL"], ["montreal-declaration", "montreal-sanctuary-city"]),
        (["--text", "immigration ENFORCEMENT"], ["eo-13768"]),
    ],
)
def test_filters(args: list[str], expected: list[str]) -> None:
    """Each filter selects exactly the expected events, in corpus order."""
    assert ids(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # An event matches when its span overlaps the window; a window bound keeps the precision written.
        (["--since", "2017-04-25", "--until", "2017-04-25"], ["khan-tour", "spring-mobilization", "orrick-injunction"]),
        (["--since", "2017-04-26", "--until", "2017-04-30"], ["khan-tour", "spring-mobilization"]),
        (["--since", "2017-05-01", "--until", "2017-05"], ["spring-mobilization"]),
        (["--until", "2016"], ["until-2016", "twentieth-century", "nuclear-free-decade", "london-election"]),
        (["--until", "April 2016"], ["until-2016", "twentieth-century", "nuclear-free-decade"]),
        (["--until", "5 May 2016", "--since", "May 2016"], ["until-2016", "london-election"]),
        (["--since", "2018"], ["open-ended-measure"]),
        (["--since", "Feb 2017", "--until", "2017-02"], ["montreal-sanctuary-city"]),
    ],
)
def test_date_windows(args: list[str], expected: list[str]) -> None:
    """--since/--until include every event whose span overlaps, at both edges."""
    assert ids(*args) == expected


def test_until_month_includes_its_last_day() -> None:
    """`--until 2017-04` and `--until "April 2017"` both include 30 April (and 25 April)."""
    assert ids("--until", "2017-04") == ids("--until", "April 2017")
    assert "orrick-injunction" in ids("--until", "2017-04")


def test_english_date_without_year_is_refused() -> None:
    """dateutil would fill a missing year from today: we refuse instead of guessing."""
    result = run("filter", CORPUS, "--since", "25 January")
    assert result.returncode == 2 and "has no year" in result.stderr
