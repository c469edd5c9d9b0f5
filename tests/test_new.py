"""`timeline new`: a valid event file from flags, never overwriting, with check's messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from dissident_timeline.loader import analyse
from dissident_timeline.new_event import unique_id

from .conftest import run

REGISTRY = (
    "actors:\n  - {id: donald-trump, name: Donald Trump, type: person}\n"
    "  - {id: san-francisco, name: San Francisco, type: city, aliases: [SF]}\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "actors.yaml").write_text(REGISTRY)
    return tmp_path


def test_new_then_check_strict_passes(corpus: Path) -> None:
    result = run(
        "new",
        "--date",
        "2017-01-31",
        "--kind",
        "lawsuit",
        "--title",
        "San Francisco sues: EO 13768",
        "--actor",
        "SF:plaintiff",
        "--actor",
        "Donald Trump:defendant",
        "--controversy",
        "sanctuary-cities",
        "--source-title",
        "SF Chronicle",
        "--source-url",
        "https://www.sfchronicle.com/x",
        cwd=corpus,
    )
    assert result.returncode == 0, result.stderr
    path = "events/sanctuary-cities/2017-01-31-san-francisco-sues-eo-13768.yaml"
    assert result.stdout == path + "\n" and result.stderr == ""
    assert (corpus / path).read_text() == (
        "id: san-francisco-sues-eo-13768\ndate: '2017-01-31'\nkind: lawsuit\ntitle: 'San Francisco sues: EO 13768'\n"
        "actors:\n- actor: SF\n  role: plaintiff\n- actor: Donald Trump\n  role: defendant\n"
        "controversy: sanctuary-cities\nsources:\n- title: SF Chronicle\n  url: https://www.sfchronicle.com/x\n"
    )
    check = run("check", "--strict", "events", cwd=corpus)
    assert (check.returncode, check.stdout) == (0, ""), check.stdout


def test_without_a_source_it_says_so(corpus: Path) -> None:
    result = run("new", "--date", "2017", "--kind", "report", "--title", "A report", cwd=corpus)
    assert result.returncode == 0 and "no-source" in result.stderr
    assert run("check", "events", cwd=corpus).returncode == 0
    assert "no-source" in run("check", "--strict", "events", cwd=corpus).stdout


def test_ids_are_unique_in_the_corpus(corpus: Path) -> None:
    args = ("new", "--kind", "meeting", "--title", "Mayors meet", "--source-title", "S")
    first, second = run(*args, "--date", "2017-02", cwd=corpus), run(*args, "--date", "2018-03", cwd=corpus)
    assert first.stdout == "events/2017-02-mayors-meet.yaml\n"
    assert second.stdout == "events/2018-03-mayors-meet-2.yaml\n"
    assert "id: mayors-meet-2\n" in (corpus / "events" / "2018-03-mayors-meet-2.yaml").read_text()
    assert run("check", "--strict", "events", cwd=corpus).returncode == 0


def test_never_overwrites(corpus: Path) -> None:
    taken = corpus / "events" / "2017-mayors-meet.yaml"
    taken.write_text("id: something-else\ndate: '2017'\nkind: meeting\ntitle: T\nsources: [{title: S}]\n")
    result = run("new", "--date", "2017", "--kind", "meeting", "--title", "Mayors meet", cwd=corpus)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert taken.read_text().startswith("id: something-else")
    assert sorted(p.name for p in (corpus / "events").iterdir()) == ["2017-mayors-meet.yaml", "actors.yaml"]


def test_bad_flags_get_checks_messages(corpus: Path) -> None:
    result = run(
        "new",
        "--date",
        "2017-02-30",
        "--kind",
        "rulling",
        "--title",
        "T",
        "--controversy",
        "Sanctuary",
        "--actor",
        "Donald Trum",
        cwd=corpus,
    )
    assert result.returncode == 2
    (corpus / "events" / "bad.yaml").write_text(
        "id: t\ndate: 2017-02-30\nkind: rulling\ntitle: T\ncontroversy: Sanctuary\n"
    )
    check = run("check", "--format", "json", "events", cwd=corpus).stdout
    import json

    for problem in json.loads(check):
        if problem["code"] != "no-source":
            assert f"{problem['message']} [{problem['code']}]" in result.stderr
    (corpus / "events" / "bad.yaml").unlink()
    actor = run("new", "--date", "2017", "--kind", "ruling", "--title", "T", "--actor", "Donald Trum:judge", cwd=corpus)
    assert actor.returncode == 2
    assert "--actor: `Donald Trum` is not a registered actor (did you mean `Donald Trump`?)" in actor.stderr
    assert not list((corpus / "events").glob("*-t.yaml"))


@pytest.mark.parametrize(
    "title",
    [
        "Trump: 'no' #sanctuary",
        "- yes",
        "*alias &anchor !tag",
        "No",
        "2017-01-25",
        "Ville de Montréal — « refuge »",
        '"quoted" \\ back',
        "null",
        "~",
        "@handle",
    ],
)
def test_written_yaml_reads_back_as_written(corpus: Path, title: str) -> None:
    result = run(
        "new",
        "--date",
        "2017-01-25",
        "--kind",
        "declaration",
        "--title",
        title,
        "--source-title",
        title,
        "--print",
        cwd=corpus,
    )
    assert result.returncode == 0, result.stderr
    analysis = analyse(result.stdout.encode(), registry=False)
    assert analysis.problems == []
    assert analysis.events[0]["title"] == title and analysis.events[0]["sources"] == [{"title": title}]
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:4]] == ["id", "date", "kind", "title"]
    assert not list((corpus / "events").glob("*.yaml"))[1:]  # --print writes nothing


def test_unique_id() -> None:
    assert unique_id("EO 13768: Enhancing Public Safety", set()) == "eo-13768-enhancing-public-safety"
    long = "word " * 40
    assert len(unique_id(long, set())) <= 80 and not unique_id(long, set()).endswith("-")
    taken = {unique_id(long, set())}
    assert unique_id(long, taken).endswith("-2") and len(unique_id(long, taken)) <= 80
    assert unique_id("¿?", set()) == "event"


def test_a_new_folder_inside_the_corpus_still_checks_its_ids_and_actors(corpus: Path) -> None:
    (corpus / "events" / "eo.yaml").write_text(
        "id: mayors-meet\ndate: '2017'\nkind: meeting\ntitle: T\nsources: [{title: S}]\n"
    )
    result = run(
        "new", "--date", "2018", "--kind", "meeting", "--title", "Mayors meet", "--dir", "events/new-thread", cwd=corpus
    )
    assert result.stdout == "events/new-thread/2018-mayors-meet-2.yaml\n", result.stderr
    unknown = run(
        "new",
        "--date",
        "2018",
        "--kind",
        "meeting",
        "--title",
        "X",
        "--actor",
        "Nobody",
        "--dir",
        "events/other",
        cwd=corpus,
    )
    assert unknown.returncode == 2 and "unknown-actor" in unknown.stderr
