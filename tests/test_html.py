"""`--format html`: the page's markup, and the page in the programs that read it (SPEC §8, §11).

The markup tests read the generated HTML with the standard library's parser. The browser
tests open the page from `file://` in headless Chromium (Playwright) with every request
outside `file:`/`data:` aborted and recorded; the validator test runs the W3C `vnu.jar`.
The run also writes screenshots of the shipped corpus's page (light, dark, phone width) to
tests/screenshots/, for a person to look at.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dissident_timeline.render import View
from dissident_timeline.render.html import render as render_html

from . import realclients
from .conftest import FIXTURES, ROOT, run

CORPUS = FIXTURES / "corpus"
SHIPPED = ROOT / "events"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def build_html(
    paths: list[str], directory: Path, name: str = "page.html", env: dict[str, str] | None = None, *extra: str
) -> Path:
    out = directory / name
    result = run("build", *paths, "--format", "html", "--output", str(out), "--no-cache", *extra, env=env)
    assert result.returncode == 0, result.stderr
    return out


def events_json(paths: list[str]) -> list[dict]:
    result = run("build", *paths, "--format", "json", "--no-cache")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["events"]


class Outline(HTMLParser):
    """What the tests look at in the markup: elements by id, `<time datetime>`, scripts, styles, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.datetimes: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "time":
            self.datetimes.append(attributes.get("datetime") or "")
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data


def outline(text: str) -> Outline:
    parser = Outline()
    parser.feed(text)
    parser.close()
    return parser


# ---------------------------------------------------------------- the markup


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_html([str(CORPUS)], tmp_path_factory.mktemp("html")).read_text(encoding="utf-8")


def test_every_event_is_an_element_with_its_id_in_corpus_order(fixture_page: str) -> None:
    ids = [event["id"] for event in events_json([str(CORPUS)])]
    found = re.findall(r'<li id="([^"]+)" class="event"', fixture_page)
    assert found == ids


def test_events_are_grouped_by_the_year_they_start_in_one_list_each(fixture_page: str) -> None:
    headings = re.findall(r'<h2 id="(_y[^"]+)">([^<]+)</h2>\n<ol class="events">', fixture_page)
    assert headings == [
        ("_yopen", "Open start"),
        ("_y1900", "1900"),
        ("_y1980", "1980"),
        ("_y2016", "2016"),
        ("_y2017", "2017"),
    ]


def test_time_datetime_only_where_html_allows_it(fixture_page: str) -> None:
    """Days, months and years get `datetime`; decades, centuries, seasons and open ends do not."""

    def dates_of(ident: str) -> str:
        match = re.search(rf'<li id="{ident}" .*?<span class="date">(.*?)</span>', fixture_page)
        assert match, ident
        return match.group(1)

    assert dates_of("eo-13768") == '<time datetime="2017-01-25">25 Jan 2017</time>'
    assert dates_of("montreal-declaration") == '<time datetime="2017-01">c. Jan 2017</time>'
    assert dates_of("doj-report") == '<time datetime="2017-03">Mar 2017?</time>'
    assert dates_of("khan-tour") == (
        '<time datetime="2017-03">Mar 2017</time> – <time datetime="2017-04">Apr 2017</time>'
    )
    assert dates_of("nuclear-free-decade") == "1980s"
    assert dates_of("twentieth-century") == "20th century"
    assert dates_of("spring-mobilization") == "spring 2017"
    assert dates_of("until-2016") == '… – <time datetime="2016">2016</time>'
    assert dates_of("open-ended-measure") == '<time datetime="2017-06">Jun 2017</time> – …'
    datetimes = outline(fixture_page).datetimes
    assert len(datetimes) > 20
    assert [value for value in datetimes if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value)] == []


DATES = FIXTURES / "dates-corpus"


@pytest.fixture(scope="module")
def dates_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_html([str(DATES)], tmp_path_factory.mktemp("dates"))


def test_times_bc_years_and_unknown_ends(dates_page: Path) -> None:
    """Moments get a `datetime` HTML accepts (`-05` becomes `-05:00`); years before 1 and after
    9999 are headings as people read them, and an unknown start files under its end's year."""
    text = dates_page.read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="(_y[^"]+)">([^<]+)</h2>', text)
    assert headings == [
        ("_y-170000002", "170,000,003 BC"),
        ("_y-752", "753 BC"),
        ("_y-43", "44 BC"),
        ("_y0", "1 BC"),
        ("_y1", "1"),
        ("_y1985", "1985"),
        ("_y2017", "2017"),
        ("_y170000002", "170,000,002"),
    ]
    datetimes = outline(text).datetimes
    assert "2017-01-25T16:30:00-05:00" in datetimes and "2017-01-25T16:45-06:00" in datetimes
    assert "2017-01-25T21:30:00Z" in datetimes and "2017-01-25T23:00" in datetimes
    html_datetime = r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?)?)?)?"
    assert [value for value in datetimes if not re.fullmatch(html_datetime, value)] == []
    assert "0000" not in datetimes  # year 0 is no HTML year
    unknown = re.search(r'<h2 id="_y1985">.*?</section>', text, re.DOTALL).group()
    assert "? – " in unknown and " – ?" in unknown


def test_the_dates_page_in_chromium(browser, dates_page: Path) -> None:
    page = open_page(browser, dates_page.as_uri())
    page.wait_for_selector("#_axis svg path.lane")
    labels = page.eval_on_selector_all("#_axis svg text", "els => els.map(e => e.textContent)")
    assert "170,000,003 BC" in labels and "170,000,002" in labels
    assert len(visible_ids(page)) == len(events_json([str(DATES)]))
    page.fill("#_f-from", "-100")
    page.fill("#_f-to", "1")

    def year(iso: str) -> int:
        return int(iso[: iso.index("-", 1)])

    wanted = [
        e["id"]
        for e in events_json([str(DATES)])  # spans that overlap 101 BC – AD 1
        if e["start"] and e["end"] and year(e["start"]) <= 1 and year(e["end"]) >= -100
    ]
    assert sorted(visible_ids(page)) == sorted(wanted)
    clean(page)
    page.context.close()


def test_relations_both_ways_sources_as_notes_and_what_the_author_wrote(fixture_page: str) -> None:
    orrick = re.search(r'<li id="orrick-injunction".*?</li>\n', fixture_page, re.DOTALL).group()
    assert (
        '<dt>Blocks</dt><dd><a href="#eo-13768">Trump signs Executive Order 13768 on &quot;sanctuary '
        'jurisdictions&quot;</a> (<time datetime="2017-01-25">25 Jan 2017</time>)</dd>' in orrick
    )
    assert '<dt>Responds to</dt><dd><a href="#sf-lawsuit">' in orrick
    assert (
        "<dt>Case</dt><dd><cite>County of Santa Clara v. Trump</cite></dd><dt>Court</dt><dd>N.D. Cal.</dd>"
        "<dt>Docket</dt><dd>17-cv-00574</dd><dt>Outcome</dt><dd>preliminary injunction</dd>"
    ) in orrick
    assert (
        '<li id="orrick-injunction_n1"><i>The New York Times</i>, <time datetime="2017-04-25">25 Apr 2017</time>, '
        '<a href="https://www.nytimes.com/2017/04/25/us/judge-blocks-trump-sanctuary-cities.html" '
        'rel="noopener noreferrer">“<cite lang="en">Judge blocks Trump order on sanctuary cities</cite>”</a>, '
        '<a href="https://web.archive.org/web/20170426000000/https://www.nytimes.com/2017/04/25/us/'
        'judge-blocks-trump-sanctuary-cities.html" rel="noopener noreferrer">archived copy</a>, '
        'accessed <time datetime="2017-04-26">26 Apr 2017</time>.</li>'
    ) in orrick  # archive_url beside the link
    eo = re.search(r'<li id="eo-13768".*?</li>\n', fixture_page, re.DOTALL).group()
    assert (
        '<dt>Answered by</dt><dd><a href="#sf-lawsuit">San Francisco sues over Executive Order 13768</a>'
        ' (<time datetime="2017-01-31">31 Jan 2017</time>)</dd>'
    ) in eo
    assert '<dt>Blocked by</dt><dd><a href="#orrick-injunction">' in eo
    assert (
        '<figure class="quote"><blockquote lang="en"><p>Sanctuary jurisdictions across the United States '
        "willfully violate Federal law.</p></blockquote><figcaption>— Donald Trump</figcaption></figure>"
    ) in eo
    assert "<dt>Place</dt><dd>Washington, D.C.</dd>" in eo
    assert "jurisdictions that <em>refuse</em> to cooperate" in eo  # Markdown emphasis in a summary
    assert '<dt>Actors</dt><dd>Donald Trump <span class="role">(author)</span>, San Francisco ' in eo
    sf = re.search(r'<li id="sf-lawsuit".*?</li>\n', fixture_page, re.DOTALL).group()
    assert (
        '<dt>Also dated</dt><dd><time datetime="2017-02-01">1 Feb 2017</time>: Some reports date the filing to '
        'the next day. <a class="ref" href="#sf-lawsuit_n1">[source 1]</a></dd>'
    ) in sf
    assert re.findall(r'<li id="(sf-lawsuit_n\d)">', sf) == ["sf-lawsuit_n1", "sf-lawsuit_n2"]
    assert '<li id="sf-lawsuit_n1"><i>PUCA</i>, “<cite>Le retour des villes dissidentes</cite>”, p. 45.</li>' in sf


def test_summaries_keep_code_and_emphasis_and_nothing_else() -> None:
    event = next(e for e in events_json([str(CORPUS)]) if e["id"] == "eo-13768")
    event["summary"] = (
        "**Bold** and *em* and _em_ and `<b>code *x*</b>` [link](https://x.org) <i>raw</i>\n\n"
        "# heading *a **b* c** snake_case"
    )
    page = render_html(View([event], []))
    assert (
        '<div class="summary"><p><strong>Bold</strong> and <em>em</em> and <em>em</em> and '
        "<code>&lt;b&gt;code *x*&lt;/b&gt;</code> [link](https://x.org) &lt;i&gt;raw&lt;/i&gt;</p>"
        "<p># heading *a **b* c** snake_case</p></div>"
    ) in page


def test_a_source_given_twice_in_an_event_is_one_note() -> None:
    event = next(e for e in events_json([str(CORPUS)]) if e["id"] == "sf-lawsuit")
    event["alternative_dates"][0]["source"] = dict(event["sources"][0])
    page = render_html(View([event], []))
    assert re.findall(r'<li id="(sf-lawsuit_n\d)">', page) == ["sf-lawsuit_n1"]
    assert '<a class="ref" href="#sf-lawsuit_n1">[source 1]</a>' in page


def test_one_h1_landmarks_skip_link_and_generated_ids_never_clash_with_event_ids(fixture_page: str) -> None:
    page = outline(fixture_page)
    assert [tag for tag, _ in page.tags].count("h1") == 1
    assert {"header", "nav", "main", "footer"} <= {tag for tag, _ in page.tags}
    assert page.tags[page.tags.index(("body", {})) + 1] == ("a", {"class": "skip", "href": "#_main"})
    assert len(page.ids) == len(set(page.ids))
    events = {attrs["id"] for tag, attrs in page.tags if attrs.get("class") == "event"}
    assert len(events) == 13
    # Every other id holds a `_`, which no event id (a slug) can: the page's ids never clash with an event's.
    assert [ident for ident in page.ids if ident not in events and "_" not in ident] == []


def test_csp_forbids_every_request_and_allows_exactly_the_inline_style_and_script(fixture_page: str) -> None:
    page = outline(fixture_page)
    csp = next(attrs["content"] for tag, attrs in page.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "_data"}, {}]
    digest = [
        base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        for text in (page.raw["style"][0], page.raw["script"][1])
    ]
    assert csp == (
        f"default-src 'none'; style-src 'sha256-{digest[0]}'; script-src 'sha256-{digest[1]}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    assert "unsafe" not in csp
    assert not any(attrs.get("style") is not None or any(k.startswith("on") for k in attrs) for _, attrs in page.tags)
    assert not any(tag in ("link", "img", "iframe", "object", "embed") for tag, _ in page.tags)
    data = json.loads(page.raw["script"][0])
    assert len(data["events"]) == 13 and data["lanes"][0] == ""


def test_output_is_byte_identical_whatever_the_order_time_zone_and_locale(tmp_path: Path) -> None:
    first = build_html(
        [str(CORPUS / "cities"), str(CORPUS / "courts"), str(CORPUS / "actors.yaml")],
        tmp_path,
        "a.html",
        {"TZ": "UTC", "LC_ALL": "C"},
    )
    second = build_html(
        [str(CORPUS / "actors.yaml"), str(CORPUS / "courts"), str(CORPUS / "cities")],
        tmp_path,
        "b.html",
        {"TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"},
    )
    assert first.read_bytes() == second.read_bytes()


def test_a_filtered_page_names_related_events_it_does_not_hold(tmp_path: Path) -> None:
    page = build_html([str(CORPUS)], tmp_path, "p.html", None, "--kind", "ruling").read_text(encoding="utf-8")
    assert re.findall(r'<li id="([^"]+)" class="event"', page) == ["orrick-injunction"]
    assert "<dt>Blocks</dt><dd><code>eo-13768</code> (not in this selection)</dd>" in page


# ---------------------------------------------------------------- in Chromium


def open_page(browser, url: str, **options):
    """A page in a new context (options: color_scheme, viewport, java_script_enabled) that records
    console errors, page errors, dialogs and every request outside file:// and data: (aborted)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.console_errors, page.page_errors, page.requests_blocked, page.dialogs = [], [], [], []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.page_errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))

    def guard(route):
        if route.request.url.startswith(("file://", "data:", "about:")):
            route.continue_()
        else:
            page.requests_blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(url)
    return page


def clean(page) -> None:
    assert page.console_errors == []
    assert page.page_errors == []
    assert page.requests_blocked == []
    assert page.dialogs == []


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    directory = tmp_path_factory.mktemp("shipped")
    return build_html([str(SHIPPED)], directory), events_json([str(SHIPPED)])


def plain(text: str) -> str:
    """Lower case without accents, as the page's word filter compares."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("li.event", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_shipped_page_screenshots_light_dark_and_phone(browser, shipped) -> None:
    """Pictures for a person to look at (tests/screenshots/); the page is clean in each."""
    path, events = shipped
    SCREENSHOTS.mkdir(exist_ok=True)
    # The event that shows the most of what authors write (relations both ways, legal, quotes).
    richest = max(
        events,
        key=lambda e: (
            bool(e["legal"]) + bool(e["quotes"]) + bool(e["alternative_dates"]) + bool(e["relations"]),
            len(e["sources"]),
        ),
    )
    page = open_page(browser, f"{path.as_uri()}#{richest['id']}", viewport={"width": 1280, "height": 1100})
    page.screenshot(path=str(SCREENSHOTS / "shipped-event.png"))
    clean(page)
    page.context.close()
    for name, options in (
        ("light", {"viewport": {"width": 1280, "height": 1100}}),
        ("dark", {"viewport": {"width": 1280, "height": 1100}, "color_scheme": "dark"}),
        (
            "phone",
            {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
        ),
    ):
        page = open_page(browser, path.as_uri(), **options)
        page.screenshot(path=str(SCREENSHOTS / f"shipped-{name}.png"))
        clean(page)
        page.context.close()


def test_shipped_page_every_event_no_error_no_request(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, path.as_uri())
    assert page.eval_on_selector_all("li.event", "els => els.map(e => e.id)") == [e["id"] for e in events]
    assert visible_ids(page) == [e["id"] for e in events]
    assert page.text_content("#_count") == f"{len(events)} events"
    page.wait_for_selector("#_axis svg path.lane")
    assert page.locator("#_axis svg path.lane").count() >= 7  # at least one path per controversy
    assert page.locator("h1").count() == 1
    clean(page)
    page.context.close()


def test_filters_hide_what_does_not_match_and_go_in_the_fragment(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, path.as_uri())
    rulings = [e["id"] for e in events if e["kind"] == "ruling"]
    page.select_option("#_f-kind", "ruling")
    assert visible_ids(page) == rulings
    assert page.text_content("#_count") == f"{len(rulings)} of {len(events)} events match"
    page.wait_for_function("() => location.hash === '#kind=ruling'")  # written once typing pauses
    actor = Counter(a["id"] for e in events if e["kind"] == "ruling" for a in e["actors"]).most_common(1)[0][0]
    both = [e["id"] for e in events if e["kind"] == "ruling" and any(a["id"] == actor for a in e["actors"])]
    page.select_option("#_f-actor", actor)
    assert visible_ids(page) == both and len(both) < len(rulings)
    page.click("button[type=reset]")
    page.fill("#_f-q", "DEFENSE  rupture")  # case and accents ignored, every word must appear
    wanted = [
        e["id"]
        for e in events
        if all(w in plain(e["title"] + " " + (e["summary"] or "")) for w in ("defense", "rupture"))
    ]
    assert visible_ids(page) == wanted and wanted
    page.fill("#_f-q", "")
    page.fill("#_f-from", "2016")
    page.fill("#_f-to", "2016")
    in_2016 = [e["id"] for e in events if e["start"] <= "2016-12-31" and (e["end"] or "9999") >= "2016-01-01"]
    assert visible_ids(page) == in_2016
    page.wait_for_function("() => location.hash === '#from=2016&to=2016'")
    # Years with no match lose their heading.
    years = sorted({e["start"][:4] for e in events if e["id"] in in_2016})
    assert page.eval_on_selector_all("section.year:not([hidden]) h2", "els => els.map(e => e.textContent)") == years
    clean(page)
    page.context.close()


def test_a_fragment_with_filters_restores_them(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, path.as_uri() + "#controversy=london-brexit&register=politics&kind=declaration")
    wanted = [
        e["id"]
        for e in events
        if e["controversy"] == "london-brexit" and "politics" in e["registers"] and e["kind"] == "declaration"
    ]
    assert wanted and visible_ids(page) == wanted
    assert page.input_value("#_f-controversy") == "london-brexit"
    assert page.evaluate("document.getElementById('_tools').open")
    page.wait_for_selector("#_axis svg text")  # the axis is drawn at the next frame
    assert page.locator("#_axis svg text", has_text="london-brexit").count() == 1
    assert page.locator("#_axis svg text", has_text="paris-agreement").count() == 0
    clean(page)
    page.context.close()


def test_a_deep_link_targets_scrolls_to_and_focuses_the_event(browser, shipped) -> None:
    path, events = shipped
    ident = events[len(events) // 2]["id"]
    page = open_page(browser, f"{path.as_uri()}#{ident}")
    assert page.evaluate("document.querySelector(':target').id") == ident
    assert page.evaluate("document.activeElement.id") == ident
    top = page.evaluate(f"document.getElementById('{ident}').getBoundingClientRect().top")
    assert 0 <= top < 100
    clean(page)
    page.context.close()


def test_a_relation_link_to_a_filtered_out_event_clears_the_filters(browser, shipped) -> None:
    path, events = shipped
    source = next(
        e
        for e in events
        if e["kind"] == "ruling"
        and any(next(o for o in events if o["id"] == r["event"])["kind"] != "ruling" for r in e["relations"])
    )
    target = next(
        r["event"] for r in source["relations"] if next(o for o in events if o["id"] == r["event"])["kind"] != "ruling"
    )
    page = open_page(browser, f"{path.as_uri()}#kind=ruling")
    page.click(f'#{source["id"]} .details a[href="#{target}"]')
    page.wait_for_function(f"() => document.activeElement.id === '{target}'")
    assert page.input_value("#_f-kind") == ""
    assert len(visible_ids(page)) == len(events)
    page.wait_for_timeout(400)  # past the moment the URL follows the filters
    assert 0 <= page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top") < 100
    assert page.evaluate("location.hash") == f"#{target}"
    clean(page)
    page.context.close()


def test_the_axis_shows_and_opens_an_event_under_the_pointer(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, f"{path.as_uri()}#controversy=cities-of-refuge", viewport={"width": 1280, "height": 900})
    page.wait_for_selector("#_axis svg path.lane")
    box = page.locator("#_axis svg").bounding_box()
    start = re.match(r"M([\d.]+) ([\d.]+)", page.get_attribute("#_axis path.lane", "d"))
    hit = [float(start.group(1)) + 1, float(start.group(2)) + 2]  # inside the lane's first mark
    page.mouse.move(box["x"] + hit[0], box["y"] + hit[1])
    titles = [e["title"] for e in events if e["controversy"] == "cities-of-refuge"]
    assert any(title in page.text_content("#_axis-hint") for title in titles)
    page.mouse.click(box["x"] + hit[0], box["y"] + hit[1])
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('li.event')")
    refuge = [e["id"] for e in events if e["controversy"] == "cities-of-refuge"]
    assert page.evaluate("document.activeElement.id") in refuge
    clean(page)
    page.context.close()


def test_without_javascript_every_event_shows_and_the_tools_stay_hidden(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, f"{path.as_uri()}#{events[5]['id']}", java_script_enabled=False)
    assert visible_ids(page) == [e["id"] for e in events]
    assert not page.is_visible("#_tools")
    assert page.evaluate("document.querySelector(':target').id") == events[5]["id"]
    clean(page)
    page.context.close()


def test_print_shows_every_event_without_the_tools(browser, shipped) -> None:
    path, events = shipped
    page = open_page(browser, path.as_uri())
    page.emulate_media(media="print")
    assert not page.is_visible("#_tools") and not page.is_visible("nav")
    assert len(visible_ids(page)) == len(events)
    assert len(page.pdf()) > 10_000
    clean(page)
    page.context.close()


# ---------------------------------------------------------------- hostile text

PWN = "window.__pwned = 1"
TIGHT = "window.__pwned=1"  # in URLs, which cannot hold spaces
HOSTILE = f"""\
- id: hostile
  date: 2017-01-25
  kind: decree
  title: "<script>{PWN}</script> \\"><img src=x onerror='{PWN}'> javascript:{PWN} \\u202eevil\\u2066 a\\u2028b"
  summary: |
    </script><script>{PWN}</script>
    <!-- <svg onload="{PWN}"> --> &amp; &lt;b&gt; {{{{x}}}} ${{x}}

    <iframe src="javascript:{PWN}"></iframe>
  actors: ["<img src=x onerror='{PWN}'>", {{actor: "</script><script>{PWN}</script>", role: target}}]
  controversy: sanctuary-cities
  registers: [politics]
  place: "<b onmouseover='{PWN}'>here</b>"
  legal: {{case: "<script>{PWN}</script>", court: "\\"'><img src=x onerror={PWN}>",
          docket: "</dd></dl><script>{PWN}</script>", outcome: "javascript:{PWN}"}}
  quotes: [{{text: "<script>{PWN}</script>", speaker: "<img src=x onerror='{PWN}'>", lang: en}}]
  alternative_dates: [{{date: 2017-02, note: "</time><script>{PWN}</script>",
                       source: {{title: "<img src=x onerror='{PWN}'>",
                                 url: "https://example.org/\\"><script>{TIGHT}</script>"}}}}]
  sources:
    - title: "</cite></a><script>{PWN}</script>"
      outlet: "<i onclick='{PWN}'>"
      url: "https://example.org/a?b=\\"onmouseover='{TIGHT}'"
      page: "<script>{PWN}</script>"
      quote: "</q><script>{PWN}</script>"
- id: other
  date: 2017
  kind: ruling
  title: "javascript:alert(1) <a href=javascript:{PWN}>x</a>"
  relations: [{{type: responds_to, event: hostile}}]
  sources: [{{title: "s", url: "https://example.org/</script><script>{TIGHT}</script>"}}]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile")
    (directory / "events.yaml").write_text(HOSTILE, encoding="utf-8")
    return build_html(
        [str(directory / "events.yaml")],
        directory,
        "hostile.html",
        None,
        "--title",
        f"</title><script>{PWN}</script>\u202e",
    )


def test_the_hostile_corpus_is_shown_as_text_and_runs_nothing(browser, hostile: Path) -> None:
    for options in ({}, {"viewport": {"width": 390, "height": 844}}):
        page = open_page(browser, hostile.as_uri(), **options)
        if not page.evaluate("document.getElementById('_tools').open"):  # closed on a phone
            page.click("#_tools > summary")
        page.fill("#_f-q", "script")
        page.select_option("#_f-actor", index=1)
        page.click("button[type=reset]")
        page.goto(hostile.as_uri() + "#q=%3Cscript%3E&actor=%3Cimg")  # hostile filter state in the fragment
        page.goto(hostile.as_uri() + "#%3Cimg%20src=x%20onerror=window.__pwned=1%3E")
        page.goto(hostile.as_uri() + "#hostile")
        assert page.evaluate("window.__pwned") is None
        clean(page)
        assert page.evaluate("document.scripts.length") == 2
        assert (
            page.evaluate("""() => Array.from(document.querySelectorAll('*')).flatMap(e =>
            Array.from(e.attributes).map(a => a.name)).filter(n => n.startsWith('on') || n === 'style')""")
            == []
        )
        assert page.evaluate("document.querySelectorAll('img, iframe, svg [onload], b, i[onclick]').length") == 0
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert [h for h in hrefs if not h.startswith(("#", "https://example.org/"))] == []
        assert "https://example.org/%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E" in hrefs
        assert page.text_content("#hostile h3") == (
            f"<script>{PWN}</script> \"><img src=x onerror='{PWN}'> javascript:{PWN} \\u202eevil\\u2066 a b"
        )  # U+2028: a space
        assert page.text_content("h1") == f"</title><script>{PWN}</script>\\u202e"
        assert page.evaluate("document.title") == f"</title><script>{PWN}</script>\\u202e"
        assert "Answered by" in page.text_content("#hostile .details")
        page.context.close()


def test_the_hostile_data_island_cannot_end_its_script(hostile: Path) -> None:
    text = hostile.read_text(encoding="utf-8")
    island = outline(text).raw["script"][0]
    assert "<" not in island and ">" not in island and "\u2028" not in island
    assert text.count("<script") == 2 and text.count("</script>") == 2


# ---------------------------------------------------------------- the W3C validator


@pytest.mark.parametrize("which", ["shipped", "hostile", "fixture", "dates"])
def test_the_w3c_validator_finds_no_error(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    java = realclients.java()
    vnu = realclients.node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if which == "shipped":
        path = request.getfixturevalue("shipped")[0]
    elif which in ("hostile", "dates"):
        path = request.getfixturevalue("hostile" if which == "hostile" else "dates_page")
    else:
        path = build_html([str(CORPUS)], tmp_path)
    result = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(result.stderr or result.stdout)["messages"] == []
    assert result.returncode == 0


def test_keyboard_skip_link_labels_and_visible_focus(browser, shipped) -> None:
    path, _ = shipped
    page = open_page(browser, path.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = page.locator(".skip").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "_main"
    page.keyboard.press("Tab")  # the first control after the skip: the tools' summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll('input, select'))
        .filter(e => e.labels.length === 0).map(e => e.id)""")
    assert unlabelled == []
    clean(page)
    page.context.close()
