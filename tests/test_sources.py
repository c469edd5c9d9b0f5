"""`timeline sources`: each source once, and exports that real citation tools read back.

CSL-JSON is formatted by citeproc-py (a CSL processor) with a bundled style; BibTeX is parsed
back by pybtex, and its LaTeX decoded by latexcodec (pybtex's own dependency).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, run

CORPUS = FIXTURES / "corpus"
HOSTILE = "Braces {open and} close}, a \\backslash\\, @misc{x, 100% & $5 # _under_ ^caret ~tilde"

EVENTS = f"""
- id: first
  date: "2017-01-25"
  kind: decree
  title: First
  sources:
    - {{title: Same article, outlet: Le Monde, date: "2017-01-26", url: "https://example.org/a"}}
    - {{title: Sans URL, outlet: Le Monde, date: "2017-02"}}
- id: second
  date: "2017-02-25"
  kind: decree
  title: Second
  sources:
    - {{title: Same article, outlet: Le Monde, date: "2017-01-26", url: "HTTPS://EXAMPLE.ORG/a", page: "3"}}
    - {{title: sans url, outlet: le monde, date: "2017-02"}}
    - {{title: Another, outlet: Le Monde, date: "2017-01-01"}}
  alternative_dates:
    - date: "2017-02-24"
      source: {{title: Agence, outlet: AFP, accessed: "2024-03-05", archive_url: "https://web.archive.org/x"}}
- id: third
  date: "2017-03-01"
  kind: report
  title: Third
  sources:
    - title: {json.dumps(HOSTILE)}
      url: "https://example.org/{{odd}}"
    - {{title: Undated, outlet: Le Monde}}
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "events.yaml").write_text(EVENTS, encoding="utf-8")
    return tmp_path


def _json(*args: str) -> dict:
    result = run("sources", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_each_source_once_with_its_events(corpus: Path) -> None:
    """Same URL (host case aside) is one source; without URL, outlet+title+date ignoring case and accents;
    sorted by outlet, then date (undated last), then title."""
    sources = _json(str(corpus))["sources"]
    listed = [(s["outlet"], s["date"], s["title"], s["events"]) for s in sources]
    assert listed == [
        ("AFP", None, "Agence", ["second"]),
        (None, None, HOSTILE, ["third"]),  # no outlet: sorted by its title
        ("Le Monde", "2017-01-01", "Another", ["second"]),
        ("Le Monde", "2017-01-26", "Same article", ["first", "second"]),
        ("Le Monde", "2017-02", "Sans URL", ["first", "second"]),
        ("Le Monde", None, "Undated", ["third"]),
    ]
    assert set(sources[0]) == {"key", "title", "outlet", "date", "url", "archive_url", "lang", "events"}
    assert sources[0]["archive_url"] == "https://web.archive.org/x"


def test_keys_are_stable_unique_and_valid(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keys depend on the source, not on the run or on the other sources."""
    keys = [s["key"] for s in _json(str(corpus))["sources"]]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", key) for key in keys)
    assert "monde-2017-same-article-" in keys[3]
    other = tmp_path_factory.mktemp("other")
    (other / "one.yaml").write_text(EVENTS.split("- id: second")[0], encoding="utf-8")
    again = {s["title"]: s["key"] for s in _json(str(other))["sources"]}
    assert again["Same article"] == keys[3]


def test_filters_select_the_citing_events(corpus: Path) -> None:
    sources = _json(str(corpus), "--kind", "report")["sources"]
    assert [s["events"] for s in sources] == [["third"], ["third"]]


def test_csl_json_dates_keep_the_precision_written() -> None:
    from dissident_timeline.render.sources.csl_json import csl_date

    assert csl_date("2017-01-25") == {"date-parts": [[2017, 1, 25]]}
    assert csl_date("2017-04") == {"date-parts": [[2017, 4]]}
    assert csl_date("2017") == {"date-parts": [[2017]]}
    assert csl_date("2017-21") == {"date-parts": [[2017]], "season": 1}
    assert csl_date("2017-03~") == {"date-parts": [[2017, 3]], "circa": True}
    assert csl_date("2017-03/2017-06") == {"date-parts": [[2017, 3], [2017, 6]]}
    assert csl_date("198X") == {"literal": "1980s"}


def _citeproc_bibliography(items: list[dict]) -> list[str]:
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, CiteProcJSON(items), citeproc.formatter.plain)
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


@pytest.mark.parametrize("path", ["events", str(CORPUS)])
def test_citeproc_formats_every_item(path: str, tmp_path: Path) -> None:
    """citeproc-py renders a bibliography entry for every CSL item, with its title."""
    result = run("sources", path, "--format", "csl-json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    rendered = _citeproc_bibliography(items)
    assert len(rendered) == len(items) > 0
    text = "\n".join(rendered)
    for item in items:
        assert item["title"] in text
        assert item["type"] in ("article-newspaper", "webpage", "document")


def test_citeproc_formats_hostile_titles(corpus: Path) -> None:
    items = json.loads(run("sources", str(corpus), "--format", "csl-json").stdout)
    assert any(" ".join(HOSTILE.split()) in entry for entry in _citeproc_bibliography(items))


def _parsed_bibtex(path: str) -> tuple[dict, list[dict]]:
    """(pybtex entries by key, the JSON sources) of the same run."""
    pybtex_database = pytest.importorskip("pybtex.database")
    result = run("sources", path, "--format", "bibtex", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    entries = pybtex_database.parse_string(result.stdout, "bibtex").entries
    return entries, json.loads(run("sources", path, "--format", "json", cwd=ROOT).stdout)["sources"]


# What these LaTeX commands print (latexcodec, pybtex's decoder, leaves the brace and tilde ones alone).
_TEX_MEANINGS = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciicircum{}": "^",
    r"\textasciitilde{}": "~",
    r"\%": "%",
    r"\&": "&",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
}
_TEX_COMMAND = re.compile("|".join(re.escape(command) for command in _TEX_MEANINGS))


def _latex_decoded(text: str) -> str:
    return _TEX_COMMAND.sub(lambda match: _TEX_MEANINGS[match.group()], text)


@pytest.mark.parametrize("path", ["events", str(CORPUS)])
def test_bibtex_parses_back_with_the_same_entries(path: str) -> None:
    entries, sources = _parsed_bibtex(path)
    assert list(entries) == [source["key"] for source in sources]
    for source in sources:
        entry = entries[source["key"]]
        assert _latex_decoded(entry.fields["title"]) == " ".join(source["title"].split())
        assert entry.type == ("article" if source["outlet"] else "misc")
        if source["url"]:
            assert entry.fields["url"] == source["url"]


def test_bibtex_escapes_hostile_titles(corpus: Path) -> None:
    """Braces, backslashes, `@` and `%` in a title neither break the file nor run TeX, and decode back."""
    entries, sources = _parsed_bibtex(str(corpus))
    hostile = next(s for s in sources if s["title"].startswith("Braces"))
    title = entries[hostile["key"]].fields["title"]
    assert _latex_decoded(title) == " ".join(HOSTILE.split())
    assert re.search(r"(?<!\\)[%&$#_]", title) is None  # every special escaped
    assert entries[hostile["key"]].fields["url"] == "https://example.org/%7Bodd%7D"
    assert len(entries) == len(sources)


def test_other_formats(corpus: Path) -> None:
    table = run("sources", str(corpus), env={"COLUMNS": "200"})
    assert table.returncode == 0 and "Same article" in table.stdout and "first, second" in table.stdout
    assert "6 sources, cited by" in table.stdout
    markdown = run("sources", str(corpus), "--format", "markdown").stdout
    assert markdown.startswith("# Sources\n\n6 sources.\n")
    assert "- *Le Monde*, 26 Jan 2017, [“Same article”](https://example.org/a). Cited by `first`, `second`." in markdown
    assert "*AFP*, “Agence”, [archived](https://web.archive.org/x), accessed 5 Mar 2024." in markdown
    assert "Braces {open and} close}, a \\\\backslash\\\\" in markdown


def test_accessed_is_a_date(tmp_path: Path) -> None:
    """`accessed` is checked like every date, at its position."""
    (tmp_path / "event.yaml").write_text(
        'id: a\ndate: "2017"\nkind: decree\ntitle: T\nsources:\n  - title: S\n    accessed: 2017-02-30\n',
        encoding="utf-8",
    )
    result = run("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    assert [(p["line"], p["col"], p["code"]) for p in json.loads(result.stdout)] == [(7, 15, "invalid-date")]
