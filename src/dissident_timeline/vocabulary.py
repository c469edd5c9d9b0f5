"""The closed vocabularies of the format (kinds, registers, relation and actor types, roles).

Kept apart from `models` so that the command line can offer them as choices without
importing pydantic at start-up.
"""

__all__ = ["ACTOR_TYPES", "KINDS", "REGISTERS", "RELATION_TYPES", "ROLES"]

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
