"""6. Markdown injection: data is inert text; the only links are the sources' http(s) URLs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dissident_timeline.render import View
from dissident_timeline.render.markdown import escape, render, safe_url, summary_text

from ..conftest import run
from .helpers import FIXTURES, HEAD, messages_of, no_traceback


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    directory = tmp_path_factory.mktemp("markdown")
    shutil.copy(FIXTURES / "markdown_injection.yaml", directory / "events.yaml")
    result = run("build", "events.yaml", "--format", "markdown", "--no-cache", cwd=directory)
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    return result.stdout.splitlines()


def test_every_entry_and_footnote_exactly(markdown: list[str]) -> None:
    assert [line for line in markdown if line.startswith(("-", " ", "[^"))] == [
        '- <a id="html"></a>**25 Jan 2017** · *decree* · **a \\| b \\<img src=x onerror=alert(1)\\> \\<script\\>alert(1)\\</script\\> '  # noqa: E501
        "\\`tick\\` \\[x\\](javascript:alert(1)) !\\[i\\](http://x/i.png) \\*em\\* \\_u\\_ \\~\\~s\\~\\~ \\$x\\$ "
        "\\&lt;**[^1][^2]  ",
        "  Actors: # Hash \\| pipe, \\<img src=x onerror=alert(1)\\> (target), \\> gt \\`tick\\`  ",
        "  Some *emph* and `code`. \\[link\\]\\(http://evil\\) \\!\\[img\\]\\(http://evil/i.png\\) \\<b\\>raw\\</b\\> "
        "\\<script\\>x\\</script\\> # Heading \\> quote 1. item \\| a \\| b \\| \\<http://auto.link\\> \\&amp; "
        "\\[ref\\]: http://x",
        '- <a id="leading"></a>**Feb 2017** · *ruling* · **# Leading hash**[^3]  ',
        "  \\# Heading first",
        '- <a id="quote"></a>**Mar 2017** · *ruling* · **\\> Leading gt**[^4]  ',
        "  Actors: - C, 1. D, === E  ",
        "  1\\. A list, or 2017. A year",
        "[^1]: *\\<b\\>O\\</b\\>*, [“S (1)”](https://example.org/a%28c%29%3Cd%3E%22e%22).",
        "[^2]: [“T\\]\\](javascript:x)”](HTTPS://example.org/%20ok?q=1&r=[2]).",
        "[^3]: “x”, p. \\<i\\>12\\</i\\>.",
        "[^4]: “x”.",
    ]


def test_nothing_but_source_urls_is_a_link_or_html(markdown: list[str]) -> None:
    """The only HTML is our own anchor per event (`<a id="slug"></a>`, ids are slugs)."""
    text = "\n".join(markdown)
    unescaped = re.compile(r"(?<!\\)[<>|]")
    anchor = re.compile(r'^- <a id="[a-z0-9]+(?:-[a-z0-9]+)*"></a>')
    assert [line for line in markdown if unescaped.search(anchor.sub("- ", line)) and not line.startswith("[^")] == []
    assert re.findall(r"(?<!\\)\]\(([^)\s]*)\)", text) == [
        "https://example.org/a%28c%29%3Cd%3E%22e%22",
        "HTTPS://example.org/%20ok?q=1&r=[2]",
    ]
    assert [line for line in markdown if line.startswith(("#", ">", "<"))] == ["# Chronology", "## 2017"]


def test_line_breaks_in_a_title_stay_on_one_line() -> None:
    event = {
        "date": "2017",
        "start": "2017-01-01",
        "end": "2017-12-31",
        "precision": "year",
        "kind": "decree",
        "title": "a\n# heading\r\n> quote\u2028- item",
        "summary": "s\n\n# h\n\n> q",
        "actors": [{"id": "x", "name": "n\n# m", "role": None}],
        "sources": [],
    }
    lines = render(View([event], [], "T\n# U")).splitlines()
    assert lines[0] == "# T # U"
    assert [line for line in lines if line.startswith(("-", " "))] == [
        "- **2017** · *decree* · **a # heading \\> quote - item**  ",
        "  Actors: n # m  ",
        "  s # h \\> q",
    ]
    assert escape("x\x1b[2J\u202e") == "x\\\\u001b\\[2J\\\\u202e"
    assert summary_text("- a\n- b") == "\\- a - b"


def test_a_multiline_title_is_refused_at_check_time(tmp_path: Path) -> None:
    assert messages_of(tmp_path, HEAD + 'title: "a\\n# b"\nplace: "p\\rq"\n') == [
        "5:8 invalid-value: `title` must be a single line",
        "6:8 invalid-value: `place` must be a single line",
    ]


HOSTILE_URLS = [
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "\x00http://x",
    "data:text/html,<script>",
    "vbscript:msgbox",
    "//evil.com/x",
    "file:///etc/passwd",
    "http://x/\x9b",
    "http://x/\x7f",
    "",
    None,
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_safe_url_refuses_what_is_not_http(url: str | None) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a b(c)<d>", "https://example.org/a%20b%28c%29%3Cd%3E"),
        ("HTTP://Example.org/x?q=1#f", "HTTP://Example.org/x?q=1#f"),
        ("https://example.org/\u202eevil", "https://example.org/%E2%80%AEevil"),
        ("https://example.org/a%20b", "https://example.org/a%20b"),
    ],
)
def test_safe_url_encodes_what_could_end_the_link(url: str, expected: str) -> None:
    assert safe_url(url) == expected


def test_hostile_urls_are_refused_at_check_time(tmp_path: Path) -> None:
    urls = [
        '"JaVaScRiPt:alert(1)"',
        '"java\\tscript:alert(1)"',
        '"\\x01http://x"',
        '" http://x"',
        '"data:text/html,x"',
        '"//evil.com/x"',
        '"https:evil"',
        '"http://x/a b"',
        '"http://x/\\x9b"',
    ]
    text = "id: a\ndate: 2017\nkind: decree\ntitle: t\nsources:\n" + "".join(
        f"  - {{title: s, url: {u}}}\n" for u in urls
    )
    scheme = "only absolute http:// and https:// URLs are allowed"
    spaces = "URLs cannot contain spaces or control characters (percent-encode them)"
    reasons = [scheme, spaces, spaces, spaces, scheme, scheme, scheme, spaces, spaces]
    assert messages_of(tmp_path, text) == [
        f"{6 + i}:21 invalid-url: `sources[{i}].url`: {reason}" for i, reason in enumerate(reasons)
    ]
