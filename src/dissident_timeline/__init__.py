"""dissident-timeline: a sourced, validated chronology from a folder of YAML event files."""

__version__ = "0.1.0"
