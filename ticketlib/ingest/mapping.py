"""Status and priority mappings for real exports (one TOML per source, in data/mappings/).

```toml
[status]                 # source status (id where the source has ids, else name) -> état
"Open" = "ouvert"        # names are matched folded: accents, case, spacing ignored
"10001" = "pris_en_compte"
[priority]               # source priority -> haute | moyenne | faible
"High" = "haute"
[fields]                 # where the ticket attributes come from (source-specific paths)
customer = "..."
team = "..."
assignee = "..."
title = "..."
[options]                # source-specific switches, documented in each shipped file
```
A mapping given with `--mapping` is read over the shipped default of its source: its entries
add to or replace the default ones.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ticketlib.domain.config import PROJECT_ROOT, ConfigError
from ticketlib.domain.vocabulary import normalise_etat, normalise_priority

MAPPINGS_DIR = PROJECT_ROOT / "data" / "mappings"


@dataclass(frozen=True)
class Mapping:
    source: str  # e.g. "jira"
    status: dict[str, str] = field(default_factory=dict)  # spelling -> état code
    priority: dict[str, str] = field(default_factory=dict)  # spelling -> priority code
    fields: dict[str, str] = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    files: tuple[str, ...] = ()  # where it was read from


def default_mapping_path(source: str) -> Path:
    return MAPPINGS_DIR / f"{source}.toml"


def load_mapping(source: str, override: Path | str | None = None) -> Mapping:
    """The shipped mapping of `source`, with `override`'s entries added on top."""
    mapping = Mapping(source)
    default = default_mapping_path(source)
    if default.exists():
        mapping = _merge(mapping, _read(default))
    if override:
        mapping = _merge(mapping, _read(Path(override)))
    return mapping


def _read(path: Path) -> Mapping:
    def fail(key: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: {key}: {why}")

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: fichier introuvable / file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML invalide / invalid TOML: {exc}") from None
    except (RecursionError, MemoryError):  # `a = [[[[...` 100,000 deep: tomllib recurses
        raise ConfigError(
            f"{path}: TOML invalide / invalid TOML: imbrication trop profonde / nested too deep"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: pas du texte UTF-8 / not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: illisible / unreadable: {exc.strerror or exc}") from None
    unknown = set(raw) - {"status", "priority", "fields", "options"}
    if unknown:
        raise fail(", ".join(sorted(unknown)), "section inconnue / unknown section")
    for section in ("status", "priority", "fields", "options"):  # `status = 5`: not a table
        if not isinstance(raw.get(section, {}), dict):
            raise fail(section, "doit être une table [section] / must be a [section] table")
    status = {}
    for name, target in raw.get("status", {}).items():
        code = normalise_etat(str(target))
        if code is None:
            raise fail(f"status.{name}", f"état inconnu / unknown état {target!r}")
        status[str(name)] = code
    priority = {}
    for name, target in raw.get("priority", {}).items():
        code = normalise_priority(str(target))
        if code is None:
            raise fail(f"priority.{name}", f"priorité inconnue / unknown priority {target!r}")
        priority[str(name)] = code
    fields = {str(k): str(v) for k, v in raw.get("fields", {}).items()}
    return Mapping("", status, priority, fields, dict(raw.get("options", {})), (str(path),))


def _merge(base: Mapping, top: Mapping) -> Mapping:
    return Mapping(
        base.source,
        base.status | top.status,
        base.priority | top.priority,
        base.fields | top.fields,
        base.options | top.options,
        base.files + top.files,
    )
