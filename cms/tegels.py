"""What the home page shows. Apps register a `home_tegels` hook returning a list of Tegel."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tegel:
    titel: str
    tekst: str = ""
    url: str = ""
    linktekst: str = ""
    volgorde: int = 50
    items: list = field(default_factory=list)  # (label, url) pairs
