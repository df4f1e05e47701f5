"""Why the SQL console refused or stopped a query: `SqlError` (kind, French and English
message, the engine's detail), built in one place per kind."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SqlError(Exception):
    """A query that was refused or failed; `kind` says which, the message says why."""

    kind: str  # empty | several | refused | access | locked | timeout | memory | bytes | error
    fr: str
    en: str
    detail: str = ""

    def message(self, lang: str = "fr") -> str:
        text = self.fr if lang == "fr" else self.en
        return f"{text}\n\n{self.detail}" if self.detail else text

    def __str__(self) -> str:
        return f"{self.fr} / {self.en}" + (f": {self.detail}" if self.detail else "")

    @property
    def refused(self) -> bool:
        return self.kind in ("several", "refused", "access", "locked")


def _timeout(time_limit: float) -> SqlError:
    return SqlError(
        "timeout",
        f"Limite de temps dépassée ({time_limit:g} s) : la requête a été interrompue.",
        f"Time limit exceeded ({time_limit:g} s): the query was interrupted.",
    )


def out_of_memory(detail: str = "") -> SqlError:
    """The one way the console's memory limit is said: the child's address space (DuckDB's
    own `memory_limit` is set below it, for the interpreter and the result)."""
    from ticketlib.console.isolated import ADDRESS_SPACE_MB

    gib = ADDRESS_SPACE_MB // 1024
    return SqlError(
        "memory",
        f"Mémoire insuffisante (limite {gib} Gio pour la requête) : filtrez ou agrégez davantage.",
        f"Out of memory (limit {gib} GiB for the query): filter or aggregate more.",
        detail,
    )


def _row_too_large(byte_cap: int) -> SqlError:
    mb = byte_cap >> 20
    return SqlError(
        "bytes",
        f"Rien à afficher : la première ligne dépasse à elle seule la limite de {mb} Mo du "
        "résultat (par exemple une liste agrégée par `list(...)`) : sélectionnez des valeurs "
        "plus petites (`len(...)`, `list_slice(...)`, une agrégation).",
        f"Nothing to show: the first row alone is over the result's {mb} MB limit (for "
        "instance a list aggregated by `list(...)`): select smaller values (`len(...)`, "
        "`list_slice(...)`, an aggregate).",
    )


def _first(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
