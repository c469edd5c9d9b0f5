"""Language names people write for `lang`, and the BCP 47 tag they mean (`Catalan` -> `ca`).

Only for suggestions in messages: `lang` itself takes any well-formed tag. The names are
the languages of the sources and quotes such a corpus cites, in English and in the
language itself, compared without regard to case or accents.
"""

from __future__ import annotations

from .text import fold

__all__ = ["suggest_tag"]

_TAGS = {
    "ar": ("arabic", "arabe", "العربية"),
    "ca": ("catalan", "catala", "català"),
    "da": ("danish", "dansk"),
    "de": ("german", "deutsch", "allemand"),
    "el": ("greek", "ελληνικά"),
    "en": ("english", "anglais"),
    "es": ("spanish", "espanol", "español", "castilian", "castellano", "espagnol"),
    "eu": ("basque", "euskara"),
    "fi": ("finnish", "suomi"),
    "fr": ("french", "francais", "français"),
    "ga": ("irish", "gaeilge"),
    "gl": ("galician", "galego"),
    "he": ("hebrew",),
    "hi": ("hindi",),
    "hu": ("hungarian", "magyar"),
    "it": ("italian", "italiano", "italien"),
    "ja": ("japanese",),
    "ko": ("korean",),
    "nl": ("dutch", "nederlands", "flemish", "neerlandais"),
    "no": ("norwegian", "norsk"),
    "pl": ("polish", "polski"),
    "pt": ("portuguese", "portugues", "português"),
    "ro": ("romanian",),
    "ru": ("russian", "русский"),
    "sv": ("swedish", "svenska"),
    "tr": ("turkish", "turkce", "türkçe"),
    "uk": ("ukrainian",),
    "zh": ("chinese", "mandarin", "中文"),
    "af": ("afrikaans",),
    "zu": ("zulu", "isizulu"),
    "xh": ("xhosa",),
    "cy": ("welsh", "cymraeg"),
    "la": ("latin",),
}
_BY_NAME = {fold(name): tag for tag, names in _TAGS.items() for name in names}


def suggest_tag(written: str) -> str | None:
    """The tag a language name or a near-tag means: `Catalan` -> `ca`, `EN` -> `en`, `pt_BR` -> `pt-BR`."""
    by_name = _BY_NAME.get(fold(written))
    if by_name:
        return by_name
    parts = written.replace("_", "-").split("-")
    if 2 <= len(parts[0]) <= 3 and parts[0].isalpha() and all(p.isalnum() and 1 <= len(p) <= 8 for p in parts[1:]):
        return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])
    return None
