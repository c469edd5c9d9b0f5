"""`timeline schema`: the JSON Schema editors use, checked with check-jsonschema (a real client)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from dissident_timeline.editor_schema import DESCRIPTIONS, actors_schema, event_schema
from dissident_timeline.models import ACTOR_ADAPTER, EVENT_ADAPTER

from .conftest import FIXTURES, ROOT, run
from .realclients import venv_program

EVENT_FILES = sorted(str(p) for p in (ROOT / "events").rglob("*.yaml") if p.name != "actors.yaml")
# Problem fixtures whose mistake a schema can express (the others need the corpus, the calendar or the YAML).
EXPRESSIBLE = ["invalid-id", "invalid-url", "invalid-value", "missing-field", "unknown-field", "not-an-event"]


def _schema(tmp_path: Path, *args: str) -> Path:
    result = run("schema", *args, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "schema.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def _validate(schema: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [venv_program("check-jsonschema"), "--schemafile", str(schema), *files],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_schemas_are_valid_draft_2020_12(tmp_path: Path) -> None:
    for args in ((), ("--registry", "events"), ("--actors",)):
        schema = _schema(tmp_path, *args)
        assert json.loads(schema.read_text())["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        checked = subprocess.run(
            [venv_program("check-jsonschema"), "--check-metaschema", str(schema)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("args", [(), ("--registry", "events")])
def test_every_shipped_event_validates(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = _validate(_schema(tmp_path, *args), *EVENT_FILES)
    assert result.returncode == 0, result.stdout


def test_registry_validates_with_the_actors_schema(tmp_path: Path) -> None:
    result = _validate(_schema(tmp_path, "--actors"), str(ROOT / "events" / "actors.yaml"))
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - {id: Bad Id, name: X, type: planet}\n")
    assert _validate(_schema(tmp_path, "--actors"), str(bad)).returncode == 1


@pytest.mark.parametrize("code", EXPRESSIBLE)
def test_problem_fixtures_are_rejected(tmp_path: Path, code: str) -> None:
    files = [str(p) for p in sorted((FIXTURES / "problems" / code).glob("*.yaml")) if p.name != "actors.yaml"]
    result = _validate(_schema(tmp_path), *files)
    assert result.returncode == 1, result.stdout
    assert result.stdout.count("::$") >= len(files)  # every file has its error


VALID_DATES = [
    "2017",
    "2017-01-25",
    '"2017-21"',
    "198X",
    "2017-03~",
    "2017-03/2017-05",
    "../2016",
    "1985/",
    "2017-01-25T16:30:00+01:00",
    "Y170000002",
    "-0044-03-15",
]
INVALID_DATES = ["2017-13", "01/10/2017", "next year"]


def test_dates_as_an_editor_reads_them(tmp_path: Path) -> None:
    """Unquoted `2017` is an integer to a YAML 1.2 editor, `2017-01-25` a string: both are accepted,
    and so are a number as a title and a page; malformed dates are refused."""
    files = {}
    for number, date in enumerate(VALID_DATES + INVALID_DATES):
        files[date] = tmp_path / f"event-{number}.yaml"
        files[date].write_text(f"id: a\ndate: {date}\nkind: decree\ntitle: 1984\nsources: [{{title: T, page: 12}}]\n")
    result = _validate(_schema(tmp_path), *map(str, files.values()))
    refused = {date for date, path in files.items() if f"{path}::" in result.stdout}
    assert refused == set(INVALID_DATES), result.stdout


def test_every_field_of_the_models_is_documented_and_present() -> None:
    """The schema is generated from models.py: its fields are the models' own, each with a description."""
    schema = event_schema()
    for model, adapter_schema in (("Event", EVENT_ADAPTER.json_schema()), ("Actor", ACTOR_ADAPTER.json_schema())):
        defs = {**adapter_schema.get("$defs", {}), model: adapter_schema}
        ours = schema["$defs"] if model == "Event" else actors_schema()["$defs"]
        for name, definition in defs.items():
            assert set(ours[name]["properties"]) == set(definition["properties"])
            assert set(ours[name].get("required", [])) == set(definition.get("required", []))
            for field, value in ours[name]["properties"].items():
                assert value["description"] == DESCRIPTIONS[name][field][0]


def test_registry_offers_actor_names_for_completion() -> None:
    names = event_schema([{"id": "donald-trump", "name": "Donald Trump", "aliases": ["Trump"]}])
    reference = names["$defs"]["ActorReference"]["properties"]["actor"]
    assert reference["anyOf"][0]["enum"] == ["Donald Trump", "donald-trump", "Trump"]
    assert {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[^\\r\\n]*$"} in reference["anyOf"]


def test_registry_needs_a_registry(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ndate: 2017\nkind: decree\ntitle: T\n")
    result = run("schema", "--registry", str(tmp_path))
    assert result.returncode == 2 and "--registry needs a registry" in result.stderr
    assert run("schema", "--registry", "--actors").returncode == 2


def test_output_is_deterministic(tmp_path: Path) -> None:
    first = run("schema", "--registry", "events", cwd=ROOT).stdout
    assert first == run("schema", "--registry", "events", cwd=ROOT, env={"TZ": "Asia/Tokyo", "LC_ALL": "C"}).stdout
