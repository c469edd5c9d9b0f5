"""The closed vocabularies of the format (kinds, registers, relation and actor types, roles).

Kept apart from `models` so that the command line can offer them as choices without
importing pydantic at start-up.
"""

__all__ = ["ACTOR_TYPES", "DIRECTIONS", "KINDS", "REGISTERS", "RELATION_LABELS", "RELATION_TYPES", "ROLES"]

KINDS = (
    "decree",
    "legislation",
    "lawsuit",
    "ruling",
    "declaration",
    "election",
    "mobilization",
    "meeting",
    "report",
    "measure",
)
REGISTERS = ("politics", "policy", "polity")
RELATION_TYPES = (
    "responds_to",
    "appeals",
    "blocks",
    "overturns",
    "implements",
    "joins",
    "supersedes",
    "follows",
    "part_of",
    "cites",
)
# How each relation reads from the event that holds it ("A responds to B"), and from the
# event it points to ("B answered by A"): every output that shows relations both ways.
RELATION_LABELS = {
    "responds_to": ("responds to", "answered by"),
    "appeals": ("appeals", "appealed by"),
    "blocks": ("blocks", "blocked by"),
    "overturns": ("overturns", "overturned by"),
    "implements": ("implements", "implemented by"),
    "joins": ("joins", "joined by"),
    "supersedes": ("supersedes", "superseded by"),
    "follows": ("follows", "followed by"),
    "part_of": ("part of", "includes"),
    "cites": ("cites", "cited by"),
}
# Which way `--related` and `chain` follow relations: towards what an event points to (up),
# towards what points to it (down), or both.
DIRECTIONS = ("up", "down", "both")
# Roles are free slugs; these are the documented ones.
ROLES = (
    "author",
    "signatory",
    "target",
    "plaintiff",
    "defendant",
    "court",
    "judge",
    "speaker",
    "participant",
    "supporter",
    "opponent",
)
ACTOR_TYPES = (
    "person",
    "city",
    "county",
    "state",
    "federal",
    "court",
    "party",
    "ngo",
    "company",
    "network",
    "media",
    "university",
    "church",
    "international",
    "other",
)
