"""JSON Schemas (draft 2020-12) of event files and of `actors.yaml`, for editors.

The structure comes from the pydantic models (`models.py`) through `TypeAdapter.json_schema`,
so it cannot drift from what `check` validates; this module only adapts it to how editors
read YAML and adds hover help:

- editors (yaml-language-server, check-jsonschema) read YAML 1.2, where `date: 2017`,
  `page: 12` or `id: 1984` are numbers and `title: true` is a boolean, whereas `timeline`
  reads every scalar as the text written. Wherever `check` accepts text, the schema also
  accepts the number or boolean an editor sees;
- dates get a pattern of the EDTF syntax (the calendar checks, such as 30 February, are
  left to `check`); URLs must start with http(s)://; languages are BCP 47 tags;
- every field gets a description and examples (`DESCRIPTIONS`: a test checks that each
  field of the models has one), kinds and relation types get one per value;
- with a registry, actor references offer the corpus's actor ids, names and aliases for
  completion (any text is still accepted: references match without regard to case or accents).
"""

from __future__ import annotations

from typing import Any

from .models import ACTOR_ADAPTER, EVENT_ADAPTER, SLUG_PATTERN

__all__ = ["DESCRIPTIONS", "actors_schema", "event_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# One EDTF date (levels 0 and 1): a year (4 digits, signed, or Y-prefixed), month or season,
# day, time of day, unspecified digits (X), and a qualifier. Intervals join two with `/`.
_TIME = r"(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?"
_MONTH = r"(0[1-9]|1[0-2]|2[1-4]|[01X]X|X[0-9])"  # a month, a season (21-24), or unspecified digits
_DAY = r"(0[1-9]|[12][0-9]|3[01]|[0-3X]X|X[0-9])"
_ONE_DATE = rf"(Y-?[0-9]{{5,}}|-?[0-9X]{{4}}(-{_MONTH}(-{_DAY}{_TIME})?)?)[~?%]?"
DATE_PATTERN = rf"^({_ONE_DATE}|({_ONE_DATE}|\.\.)?/({_ONE_DATE}|\.\.)?)$"
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://[^\s]+$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
ONE_LINE = r"^[^\r\n]*$"

# (description, examples) of each field, by model and field name. Markdown is allowed.
DESCRIPTIONS: dict[str, dict[str, tuple[str, list[Any]]]] = {
    "Event": {
        "id": (
            "Unique id of the event in the corpus (a slug: lowercase words joined by hyphens, at most 80 "
            "characters). Relations refer to it.",
            ["eo-13768", "sf-sues-trump-administration"],
        ),
        "date": (
            "When it happened, in EDTF: a day, month, year, season (`2017-21` = spring), unspecified digits "
            "(`198X`), `~` approximate, `?` uncertain, `A/B` an interval, `..` an open end, a time of day.",
            ["2017-01-25", "2017-01", "2017", "2017-21", "198X", "2017-03~", "2017-03/2017-05"],
        ),
        "kind": ("What sort of event it is.", ["decree", "lawsuit", "ruling", "declaration"]),
        "title": (
            "Headline: one line, 1 to 200 characters. Quote it if it holds `: ` or ` #`.",
            ["Trump signs Executive Order 13768 on sanctuary jurisdictions"],
        ),
        "summary": ("What happened and why it matters (Markdown emphasis and code allowed).", []),
        "actors": (
            "Who took part, in which role: an actor id, name or alias, or `{actor: ..., role: ...}`.",
            [[{"actor": "Donald Trump", "role": "author"}]],
        ),
        "controversy": ("The thread the event belongs to (a slug).", ["sanctuary-cities", "paris-agreement"]),
        "registers": (
            "The register(s) of the conflict: partisan competition (`politics`), effectiveness of "
            "public policy (`policy`), values and constitutional principles (`polity`).",
            [["politics", "polity"]],
        ),
        "tags": ("Free classification (slugs).", [["funding", "immigration"]]),
        "place": ("Where it happened (one line).", ["San Francisco"]),
        "sources": (
            "Where the facts come from. Without sources, `check` warns (`no-source`).",
            [
                [
                    {
                        "title": "Executive Order 13768",
                        "outlet": "Federal Register",
                        "date": "2017-01-30",
                        "url": "https://www.federalregister.gov/d/2017-02102",
                    }
                ]
            ],
        ),
        "relations": ("Links to other events, by id.", [[{"type": "responds_to", "event": "eo-13768"}]]),
        "alternative_dates": (
            "Other dates some source gives for the same event (`date` holds the preferred one).",
            [[{"date": "2017-01-26", "note": "date of publication"}]],
        ),
        "legal": (
            "For lawsuits and rulings: case name, court, docket number, outcome.",
            [{"case": "City and County of San Francisco v. Trump", "court": "N.D. Cal.", "docket": "3:17-cv-00485"}],
        ),
        "quotes": (
            "What was said, in the original language.",
            [[{"text": "We will not be bullied", "speaker": "Ed Lee", "lang": "en"}]],
        ),
    },
    "ActorReference": {
        "actor": (
            "An actor's id, name or alias (matched without regard to case or accents; with a registry, "
            "it must name one registered actor).",
            ["Donald Trump", "san-francisco"],
        ),
        "role": (
            "The actor's role in the event (a slug). Documented roles: author, signatory, target, "
            "plaintiff, defendant, court, judge, speaker, participant, supporter, opponent.",
            ["author", "plaintiff", "judge"],
        ),
    },
    "Source": {
        "title": ("Title of the article, document or book (required).", ["New York faces hometown hit from Trump"]),
        "outlet": ("Newspaper, publisher or institution.", ["Politico", "Le Monde"]),
        "date": ("Publication date (EDTF, as for `date`).", ["2018-01-25"]),
        "url": ("Link to the source: an absolute http:// or https:// URL.", ["https://www.politico.com/"]),
        "lang": ("Language of the source: a BCP 47 tag.", ["en", "fr", "pt-BR"]),
        "page": ("Page(s) cited.", ["38", "42, 43"]),
        "quote": ("The passage that supports the event.", []),
        "archive_url": (
            "An archived copy (http:// or https://), e.g. on the Wayback Machine.",
            ["https://web.archive.org/web/2017/https://example.org/"],
        ),
        "accessed": ("When the source was consulted (EDTF).", ["2024-03-01"]),
    },
    "Relation": {
        "type": ("How this event relates to the other.", ["responds_to", "blocks"]),
        "event": ("The id of the other event.", ["eo-13768"]),
    },
    "AlternativeDate": {
        "date": ("The other date (EDTF).", ["2017-01-26"]),
        "note": ("Why it differs (which source says so).", ["date of publication in the Federal Register"]),
        "source": ("The source that gives this date.", []),
    },
    "Legal": {
        "case": ("Case name.", ["City and County of San Francisco v. Trump"]),
        "court": ("Court.", ["US District Court for the Northern District of California"]),
        "docket": ("Docket number.", ["3:17-cv-00485"]),
        "outcome": ("Outcome.", ["preliminary injunction granted"]),
    },
    "Quote": {
        "text": ("The words, in the original language.", []),
        "speaker": ("Who said it: an actor id, name or alias.", ["Donald Trump"]),
        "lang": ("Language of the quote: a BCP 47 tag.", ["en", "fr", "ca"]),
    },
    "Actor": {
        "id": ("Unique id of the actor (a slug); events may refer to it.", ["donald-trump", "san-francisco"]),
        "name": ("Name shown in outputs.", ["Donald Trump", "San Francisco"]),
        "type": ("What sort of actor it is.", ["person", "city", "court"]),
        "aliases": ("Other names events may use for it.", [["Trump", "President Trump"]]),
        "affiliations": ("Ids, names or aliases of other registered actors it belongs to.", [["trump-administration"]]),
        "country": ("ISO 3166 two-letter country code, in capitals.", ["US", "GB", "FR"]),
    },
}

# One description per value of the closed vocabularies (VS Code shows them in completion).
VALUE_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Event.kind": {
        "decree": "executive orders, administrative directives, official memos with force",
        "legislation": "bills, acts, ordinances, resolutions passed by an assembly",
        "lawsuit": "a suit filed, a prosecution, a joinder",
        "ruling": "a court decision, an injunction, a verdict",
        "declaration": "statements, speeches, interviews, op-eds, open letters, pledges",
        "election": "an election or referendum and its result",
        "mobilization": "protests, petitions, campaigns",
        "meeting": "summits, visits, tours, conferences",
        "report": "a report, list, poll or article published as an event in itself",
        "measure": "an administrative or budgetary action that is not a decree: an audit, a fund, a policy ended",
    },
    "Relation.type": {
        "responds_to": "answers the other (a lawsuit against a decree)",
        "appeals": "appeals the other (a ruling)",
        "blocks": "blocks or suspends it (an injunction)",
        "overturns": "overturns it",
        "implements": "puts it into effect (a memo implementing an order)",
        "joins": "joins it (a city joining a suit, a network)",
        "supersedes": "replaces it",
        "follows": "comes after it in a sequence",
        "part_of": "is one part of it",
        "cites": "refers to it",
    },
}

_SCALAR_NOT_TEXT = {"type": ["number", "boolean"]}  # what a YAML 1.2 editor sees for `12`, `true`


def event_schema(actors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The schema of an event file; with `actors` (a registry), actor references offer their names."""
    defs = _adapted(EVENT_ADAPTER.json_schema(ref_template="#/$defs/{model}"), "Event")
    names = _actor_names(actors) if actors is not None else None
    reference = _actor_name_schema(names)
    defs["ActorReference"]["properties"]["actor"] = {**reference, **_help("ActorReference", "actor")}
    defs["Quote"]["properties"]["speaker"] = {"anyOf": [reference, {"type": "null"}], **_help("Quote", "speaker")}
    actors_field = defs["Event"]["properties"]["actors"]
    actors_field["anyOf"][0]["items"] = {"anyOf": [reference, {"$ref": "#/$defs/ActorReference"}]}
    return {
        "$schema": DRAFT,
        "$id": "https://dissident-timeline.invalid/event-file.schema.json",
        "title": "dissident-timeline event file",
        "description": "One event (a mapping), or a list of events. See docs/format.md.",
        "anyOf": [
            {"$ref": "#/$defs/Event"},
            {"type": "array", "items": {"$ref": "#/$defs/Event"}},
            {"type": "null", "description": "An empty file (`check` warns: empty-file)."},
        ],
        "$defs": defs,
    }


def actors_schema() -> dict[str, Any]:
    """The schema of `actors.yaml`: a mapping whose one key, `actors`, lists the actors."""
    defs = _adapted(ACTOR_ADAPTER.json_schema(ref_template="#/$defs/{model}"), "Actor")
    return {
        "$schema": DRAFT,
        "$id": "https://dissident-timeline.invalid/actors.schema.json",
        "title": "dissident-timeline actor registry (actors.yaml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["actors"],
        "properties": {
            "actors": {"type": "array", "items": {"$ref": "#/$defs/Actor"}, "description": "The registered actors."}
        },
        "$defs": defs,
    }


def _adapted(generated: dict[str, Any], top: str) -> dict[str, Any]:
    """The models' `$defs` (with the top model among them), adapted to YAML editors and documented."""
    defs = dict(generated.pop("$defs", {}))
    defs[top] = generated
    for model, schema in defs.items():
        schema.pop("title", None)
        for field, value in schema.get("properties", {}).items():
            schema["properties"][field] = {**_editor_field(f"{model}.{field}", value), **_help(model, field)}
    return defs


def _help(model: str, field: str) -> dict[str, Any]:
    description, examples = DESCRIPTIONS[model][field]  # KeyError: document the new field here
    return {"description": description, **({"examples": examples} if examples else {})}


def _editor_field(qualified: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A field's schema (`Model.field`) as an editor should apply it (see the module docstring)."""
    schema = {key: value for key, value in schema.items() if key != "title"}
    if "anyOf" in schema:
        schema["anyOf"] = [_editor_value(qualified, option) for option in schema["anyOf"]]
        return schema
    return _editor_value(qualified, schema)


def _editor_value(qualified: str, schema: dict[str, Any]) -> dict[str, Any]:
    field = qualified.split(".")[-1]
    if schema.get("type") == "array" and "items" in schema:
        return {**schema, "items": _editor_value(qualified, schema["items"])}
    if schema.get("type") != "string":
        return schema
    if "enum" in schema:
        described = VALUE_DESCRIPTIONS.get(qualified)
        return {**schema, "markdownEnumDescriptions": [described[v] for v in schema["enum"]]} if described else schema
    if schema.get("pattern") == SLUG_PATTERN:
        return {"anyOf": [schema, {"type": "integer", "minimum": 0}]}  # `id: 1984` is a number to an editor
    if field in ("date", "accessed"):
        return {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer"}]}
    if field in ("url", "archive_url"):
        return {"type": "string", "pattern": URL_PATTERN}
    if field == "lang":
        return {"type": "string", "pattern": LANG_PATTERN}
    if field == "country":
        return schema
    text = dict(schema)
    if schema.get("maxLength") == 200:  # a one-line field (title, place, actor names)
        text["pattern"] = ONE_LINE
    return {"anyOf": [text, _SCALAR_NOT_TEXT]}


def _actor_names(actors: list[dict[str, Any]]) -> list[str]:
    names = {name for actor in actors for name in (actor["id"], actor["name"], *actor.get("aliases", []))}
    return sorted(names, key=lambda name: (name.casefold(), name))


def _actor_name_schema(names: list[str] | None) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": ONE_LINE}
    if not names:
        return {"anyOf": [text, _SCALAR_NOT_TEXT]}
    # The enum offers the registry for completion; the plain text keeps `donald trump` valid.
    return {
        "anyOf": [{"enum": names, "description": "A registered actor."}, text, _SCALAR_NOT_TEXT],
        "examples": names[:20],
    }
