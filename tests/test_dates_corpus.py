"""The dates corpus (tests/fixtures/dates-corpus): same-day moments, years before 1, unknown
ends and Y-years, built in every format against golden files, and queried with --since/--until.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from .conftest import FIXTURES, ROOT, run

GOLDEN = ROOT / "tests" / "golden" / "dates-corpus"
CORPUS = "tests/fixtures/dates-corpus"
ORDER = [
    "deep-past",
    "capitoline-asylum",
    "ides-of-march",
    "year-one-bc",
    "year-one-ad",
    # /1985, 1985/ and 1985 share the span of 1985 (an unknown end takes the known end's): by id
    "campaign-end-known",
    "campaign-start-known",
    "campaign-year",
    "campaign-open",
    # 25 January 2017: the untimed day first, then moments by instant; boston-answers has the
    # instant of order-signed (21:30 UTC) and responds to it; 22:15, 22:45, then 23:00 floating
    "day-of-the-order",
    "order-signed",
    "boston-answers",
    "order-in-force",
    "new-york-answers",
    "chicago-answers",
    "late-floating",
    "deep-future",
]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("table.txt", ["build", CORPUS]),
        ("markdown.md", ["build", CORPUS, "--format", "markdown"]),
        ("build.json", ["build", CORPUS, "--format", "json"]),
    ],
)
def test_golden(name: str, args: list[str]) -> None:
    """Each format renders the dates corpus exactly as its golden file."""
    result = run(*args, cwd=ROOT, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_order_is_the_same_in_every_format() -> None:
    """JSON lists the events in the order above; the table and Markdown show them in that order too."""
    events = json.loads((GOLDEN / "build.json").read_text(encoding="utf-8"))["events"]
    assert [event["id"] for event in events] == ORDER
    for name in ("table.txt", "markdown.md"):
        text = (GOLDEN / name).read_text(encoding="utf-8")
        titles = [event["title"][:20] for event in events]  # never wrapped in the table
        if name == "markdown.md":  # an entry's headline, not a link to it from a related event
            titles = [f"· **{title}" for title in titles]
        positions = [text.find(title) for title in titles]
        assert -1 not in positions and positions == sorted(positions), name


def test_json_fields_and_schema() -> None:
    """The new keys say what was written: times with zones, BC days, unknown and open bounds."""
    import jsonschema

    document = json.loads((GOLDEN / "build.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    by_id = {event["id"]: event for event in document["events"]}
    keys = ("start", "end", "start_time", "end_time", "start_bound", "end_bound")

    def fields(event_id: str) -> tuple:
        return tuple(by_id[event_id][key] for key in keys)

    assert fields("order-signed") == ("2017-01-25", "2017-01-25", "16:30:00-05:00", "16:30:00-05:00", "known", "known")
    assert fields("order-in-force") == ("2017-01-25", "2017-01-26", "16:30:00-05:00", None, "known", "known")
    assert fields("late-floating")[2] == "23:00:00"
    assert fields("ides-of-march") == ("-0043-03-15", "-0043-03-15", None, None, "known", "known")
    assert fields("deep-past")[:2] == ("-170000002-01-01", "-170000002-12-31")
    assert fields("campaign-start-known") == ("1985-01-01", None, None, None, "known", "unknown")
    assert fields("campaign-end-known") == (None, "1985-12-31", None, None, "unknown", "known")
    assert fields("campaign-open") == ("1985-01-01", None, None, None, "known", "open")


def test_same_output_whatever_the_time_zone_locale_and_file_order() -> None:
    """Moments are ordered by their written offset, never by the machine's time zone."""
    folder = FIXTURES / "dates-corpus"
    first = run(
        "build",
        "--format",
        "json",
        str(folder / "same-day.yaml"),
        str(folder / "antiquity.yaml"),
        str(folder / "unknown-ends.yaml"),
        env={"TZ": "UTC", "LC_ALL": "C"},
    )
    second = run(
        "build",
        "--format",
        "json",
        str(folder / "unknown-ends.yaml"),
        str(folder / "antiquity.yaml"),
        str(folder / "same-day.yaml"),
        env={"TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"},
    )
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def ids(*args: str) -> list[str]:
    result = run("filter", CORPUS, "--format", "json", *args, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return [event["id"] for event in json.loads(result.stdout)["events"]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # BC years and Y-years, in EDTF and in words
        (["--until", "-0043"], ["deep-past", "capitoline-asylum", "ides-of-march"]),
        (["--until", "44 BC"], ["deep-past", "capitoline-asylum", "ides-of-march"]),
        (["--since", "15 March 44 BC", "--until", "1 BC"], ["ides-of-march", "year-one-bc"]),
        (["--since", "Y100000000"], ["campaign-open", "deep-future"]),
        # an unknown end is taken to be the known end's span; an open end runs on
        (["--since", "1986", "--until", "2016"], ["campaign-open"]),
        (
            ["--since", "1985-06", "--until", "1985-06"],
            ["campaign-end-known", "campaign-start-known", "campaign-year", "campaign-open"],
        ),
        (
            ["--since", "1985/", "--until", "/1985"],
            ["campaign-end-known", "campaign-start-known", "campaign-year", "campaign-open"],
        ),
        # moments: an untimed day spans them all; offsets are honoured
        (
            ["--since", "2017-01-25T22:00Z", "--until", "2017-01-25T22:20Z"],
            ["campaign-open", "day-of-the-order", "order-in-force", "new-york-answers"],
        ),
        (
            ["--since", "25 January 2017 4pm", "--until", "2017-01-25T21:35Z"],
            ["campaign-open", "day-of-the-order", "order-signed", "boston-answers", "order-in-force"],
        ),
        (
            ["--since", "2017-01-25T23:30", "--until", "winter 2016"],
            ["campaign-open", "day-of-the-order", "order-in-force"],
        ),
        (["--since", "autumn 2017"], ["campaign-open", "deep-future"]),
    ],
)
def test_since_until(args: list[str], expected: list[str]) -> None:
    """--since/--until read everything a file reads, plus plain words, and compare as time does."""
    assert ids(*args) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("01/10/2017", "write `2017-10-01` (1 October 2017) or `2017-01-10` (10 January 2017)"),
        ("1/10/2017 4pm", "write `2017-10-01` (1 October 2017) or `2017-01-10` (10 January 2017)"),
        ("2004-?06-11", "level 2"),
        ("0 BC", "there is no year 0 BC"),
    ],
)
def test_unreadable_query_dates_exit_2_with_the_spelling(value: str, message: str) -> None:
    """A numeric day-month date is refused with its unambiguous spellings (exit 2), as in files."""
    result = run("filter", CORPUS, "--since", value, cwd=ROOT)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2017-01-25T16:30:00-05:00", "25 Jan 2017, 16:30 UTC−5"),
        ("2017-01-25T16:30", "25 Jan 2017, 16:30"),
        ("2017-01-25T16:30:05Z", "25 Jan 2017, 16:30:05 UTC"),
        ("2017-01-25T09:00+05:30", "25 Jan 2017, 09:00 UTC+5:30"),
        ("2017-01-25T09:00-00:00", "25 Jan 2017, 09:00 UTC"),
        ("-0044-03-15", "15 Mar 45 BC"),
        ("0000", "1 BC"),
        ("-0044-21", "spring 45 BC"),
        ("-0044-03~", "c. Mar 45 BC"),
        ("0044-03-15", "15 Mar AD 44"),
        ("Y170000002", "170,000,002"),
        ("Y-170000002", "170,000,003 BC"),
        ("-019X", "200 BC – 191 BC"),
        ("1985/", "1985 – ?"),
        ("/1985", "? – 1985"),
        ("1985/..", "1985 – …"),
        ("2017-01-25T16:30-05/2017-01-26", "25 Jan 2017, 16:30 UTC−5 – 26 Jan 2017"),
    ],
)
def test_human_dates(text: str, shown: str) -> None:
    """Moments with their zone as people write it, BC years, Y-years grouped, unknown ends as `?`."""
    from dissident_timeline.render.humane import human_date

    assert human_date(text) == shown


def test_consistency_checks_compare_as_time_does(tmp_path) -> None:
    """source-before-event and relation-order see years before 1 and moments of a day in time order
    (as ISO text, `-0050` would sort after `-0044`); an unknown end is never taken as a known one."""
    from dissident_timeline.pipeline import check_paths

    (tmp_path / "events.yaml").write_text(
        """\
- id: signed
  date: "2017-01-25T16:30-05:00"
  kind: decree
  title: Signed
  sources: [{title: Register, date: "2017-01-25T10:00-05:00"}]
- id: early-answer
  date: "2017-01-25T16:00-05:00"
  kind: declaration
  title: An answer before the signature
  sources: [{title: Paper, date: "2017-01-25"}]
  relations: [{type: responds_to, event: signed}]
- id: caesar
  date: "-0043-03-15"
  kind: measure
  title: Caesar
  sources: [{title: Older chronicle, date: "-0050"}, {title: Plutarch, date: "0100"}]
- id: open-answer
  date: "/2016"
  kind: declaration
  title: An answer of unknown start
  sources: [{title: Paper, date: "2016/"}]
  relations: [{type: responds_to, event: signed}]
""",
        encoding="utf-8",
    )
    found = [(p.line, p.code) for p in check_paths([str(tmp_path)], use_cache=False)]
    assert found == [
        (5, "source-before-event"),
        (11, "relation-order"),
        (16, "source-before-event"),
        (22, "relation-order"),
    ]


def test_check_shows_the_unambiguous_spellings_of_a_numeric_date(tmp_path) -> None:
    """In a file too, `01/10/2017` gets both readings, never "an interval has exactly one /"."""
    (tmp_path / "e.yaml").write_text(
        'id: a\ndate: "01/10/2017"\nkind: decree\ntitle: t\nsources: [{title: s}]\n', encoding="utf-8"
    )
    result = run("check", "e.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "e.yaml:2:7: error: `date`: `01/10/2017` is not a valid date: `01/10/2017` is ambiguous "
        "(day or month first?): write `2017-10-01` (1 October 2017) or `2017-01-10` "
        "(10 January 2017) [invalid-date]\n"
    )
