"""The demo's world (`demo.py`): calendar, arrival curve, teams, customers, the deliberate data
problems, and the pyarrow tables that format its CSV lines."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import numpy as np
import pyarrow as pa

from ticketlib.domain.vocabulary import ETATS, PRIORITIES

TZ = ZoneInfo("Europe/Paris")
DAYS = 365
H = 3600
BAD_TIMESTAMP = "31/02/2025 25:00"
UNKNOWN_STATUS = "EN COURS"

# Deliberate data problems: name -> where in each block of ~1,000 tickets it sits.
PROBLEMS = {
    "duplicate_event": 0.12,
    "unknown_status": 0.24,
    "unexpected_transition": 0.36,
    "same_instant": 0.48,
    "no_priority": 0.60,
    "bad_timestamp": 0.72,
}

_TEAMS = (  # name, share of tickets, agents, title templates, what the titles are about
    ("Support N1", 0.40, "Camille D.|Julien M.|Sophie L.|Thomas R.|Léa B.|Nicolas P.|Manon G.",
     ("Impossible de se connecter {}|Mot de passe refusé pour l'accès {}|Création d'un compte "
      "pour l'accès {}|Question sur les droits d'accès {}|Message \"session expirée\" sur l'accès {}"),
     "au portail client|à l'application mobile|à l'espace administrateur|à l'extranet"),
    ("Support N2", 0.25, "Antoine F.|Chloé V.|Maxime C.|Élodie H.|Hugo T.|Sarah N.",
     ("Erreur 500 sur {}|Lenteurs importantes sur {}|Résultat incorrect dans {}|Plantage de {}"
      "|Régression, depuis la dernière mise à jour, sur {}"),
     ("l'export des factures|la recherche avancée|le tableau de bord|l'import des contacts"
      "|la génération des PDF")),
    ("Facturation", 0.14, "Isabelle K.|Pierre A.|Nathalie S.|Romain J.",
     ("Montant erroné sur {}|Demande de duplicata pour {}|TVA incorrecte sur {}"
      "|Contestation de {} ; double prélèvement"),
     "la facture de janvier|la facture de mars|l'avoir n° 2025-114|le dernier relevé"),
    ("Intégrations", 0.12, "Mathieu E.|Pauline O.|Kévin W.|Aurélie Z.",
     "Erreur 401 sur {}|Timeout sur {}|Données manquantes via {}|Documentation de {} à préciser",
     ("l'API REST|le webhook des commandes|la synchronisation Salesforce|le connecteur SSO"
      "|le flux SFTP")),
    ("Exploitation", 0.09, "François Q.|Marion U.|Sébastien I.|Laura Y.",
     ("Indisponibilité de {}|Certificat expiré sur {}|Demande de restauration de {}"
      "|Sauvegarde en échec sur {}"),
     "la plateforme|l'environnement de recette|le serveur de fichiers|la messagerie"),
)  # fmt: skip

_CUSTOMERS = [  # by volume rank (Zipf-like)
    "Groupe Hexagone", "Transports Girard", "Boulangeries Moreau", "Mutuelle Atlantique",
    "Clinique Saint-Roch", "Martin, Roux & Associés", "Vignobles Lefèvre", "Cabinet Dumas",
    "Éditions du Parvis", "Agence Azur Immo", "Brasserie Chevalier", "Laboratoires Perrin",
    "Menuiserie Fabre", "Optique Mercier", "Garage Bertrand", "Hôtel des Remparts",
    "Librairie Garnier", "Pharmacie Centrale", "Ateliers Faure", "Crèche Les Lutins",
    "Fromagerie Rousseau", "Assurances Blanc", "Domaine Guérin", "Imprimerie Muller",
    "Cave Lambert", "Boucherie Fontaine", "Électricité Roussel", "Pépinières Henry",
    "Fleurs de Provence", "Auto-école Morel", "Textiles Gauthier", "Plomberie Masson",
    "Conserverie Marchand", "Biscuiterie Duval", "Studio Denis", "Cidrerie Lemoine",
    "Transports Colin", "Architectes Vidal", "Salines de l'Ouest", "Coopérative Picard",
]  # fmt: skip

_SHAPE = np.array([0.02] * 7 + [0.1, 0.25, 0.9, 1.3, 1.3, 0.8, 0.7, 1.1, 1.1, 1.0, 0.7, 0.25]
                  + [0.08, 0.08, 0.08, 0.04, 0.02])  # fmt: skip

_DAY_FACTOR = np.array([1.2, 1.0, 1.0, 1.0, 0.85, 0.0, 0.0])

_SEASON = np.array([1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 0.85, 0.6, 1.05, 1.0, 1.0, 0.8])


def _csv(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def _labels(texts, end: str = "") -> pa.Array:
    return pa.array([_csv(t) + end for t in texts], pa.string())


def _fixed(m: np.ndarray) -> pa.Array:
    """A string array from an (n, width) matrix of ASCII bytes, without copying."""
    n, width = m.shape
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(m))


def _digits(m: np.ndarray, col: int, values: np.ndarray, width: int) -> None:
    for k in range(width):
        m[:, col + width - 1 - k] = values // 10**k % 10 + 48


class _World:
    """Everything shared by the chunks: calendar, arrival curve, formatting tables, pools."""

    def __init__(self, start: date, tickets: int):
        self.n = tickets
        self.t0 = int(datetime(start.year, start.month, start.day, tzinfo=TZ).timestamp())
        last = start + timedelta(DAYS)
        self.end = int(datetime(last.year, last.month, last.day, tzinfo=TZ).timestamp())
        first, far = start - timedelta(3), last + timedelta(400)
        fr = holidays.FR(years=range(first.year, far.year + 1))
        # Business calendar: Mon-Fri 09:00-18:00 local, FR holidays closed.
        days = [first + timedelta(i) for i in range((far - first).days)]
        opens = [d for d in days if d.weekday() < 5 and d not in fr]
        self.w_start = np.array([self._at(d, 9) for d in opens], np.int64)
        self.w_len = np.array([self._at(d, 18) for d in opens], np.int64) - self.w_start
        self.w_cum = np.concatenate(([0], np.cumsum(self.w_len)))
        # Local-time tables: offset per UTC hour, date text per local day.
        self.h0 = self._at(first, 0)
        hours = np.arange(self.h0, self._at(last + timedelta(2), 0), H)
        off = np.array([datetime.fromtimestamp(h, TZ).utcoffset().seconds for h in hours.tolist()])
        self.off = off.astype(np.int64)
        self.off_txt = np.array([list(f"+{o // H:02d}:{o % H // 60:02d}".encode()) for o in off],
                                np.uint8)  # fmt: skip
        self.d0 = (first - date(1970, 1, 1)).days
        self.dates = np.array([list(d.isoformat().encode()) for d in days], np.uint8)
        # Arrivals: an hourly intensity over the year, stratified so the count is exact.
        h = hours[(hours >= self.t0) & (hours < self.end)]
        loc = h + self.off[(h - self.h0) // H]
        hour, day = loc // H % 24, loc // 86400
        month = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12
        hol = np.isin(day, [(d - date(1970, 1, 1)).days for d in fr])
        work = _SHAPE[hour] * _DAY_FACTOR[(day + 3) % 7] * ~hol
        rest = np.where((hour >= 8) & (hour <= 20), 0.05, 0.01)
        grow = 1 + 0.15 * (h - self.t0) / (self.end - self.t0)
        self.hours, self.weight = h, np.where(work > 0, work, rest) * _SEASON[month] * grow
        self.cum_w = np.concatenate(([0.0], np.cumsum(self.weight)))
        self.id_width = max(6, len(str(tickets)))
        k = tickets // 1000 if tickets >= 1000 else int(tickets >= 100)
        self.problems = {p: ((np.arange(k) + f) * tickets / max(k, 1)).astype(np.int64)
                         for p, f in PROBLEMS.items()}  # fmt: skip
        # Pools, already CSV-escaped; a ticket line ends with its title, an event with priority.
        self.team_w = np.array([t[1] for t in _TEAMS])
        agents = [t[2].split("|") for t in _TEAMS]
        titles = [[tp.format(x) for tp in t[3].split("|") for x in t[4].split("|")] for t in _TEAMS]
        self.agent_n, self.title_n = (np.array([len(x) for x in p]) for p in (agents, titles))
        self.agent_off, self.title_off = (np.cumsum(x) - x for x in (self.agent_n, self.title_n))
        self.agents = _labels([""] + [a for x in agents for a in x])
        self.titles = _labels([t for x in titles for t in x], "\n")
        self.teams = _labels([t[0] for t in _TEAMS])
        self.customers = _labels(_CUSTOMERS)
        zipf = 1 / np.arange(1, len(_CUSTOMERS) + 1)
        self.cust_w = zipf / zipf.sum()
        self.status = _labels([e.label_fr for e in ETATS] + [UNKNOWN_STATUS])
        self.prio_nl = _labels([""] + [p.label_fr for p in PRIORITIES], "\n")
        self.prio = _labels([""] + [p.label_fr for p in PRIORITIES])

    @staticmethod
    def _at(d: date, hour: int) -> int:
        return int(datetime(d.year, d.month, d.day, hour, tzinfo=TZ).timestamp())

    def business(self, t: np.ndarray, seconds: np.ndarray) -> np.ndarray:
        """The instant `seconds` of business time after t (past the calendar: far future)."""
        i = np.maximum(np.searchsorted(self.w_start, t, "right") - 1, 0)
        inside = np.clip(t - self.w_start[i], 0, self.w_len[i])
        b = np.where(t < self.w_start[0], 0, self.w_cum[i] + inside) + seconds
        j = np.searchsorted(self.w_cum[:-1], b, "right") - 1
        return np.where(b >= self.w_cum[-1], self.end + 10**9, self.w_start[j] + b - self.w_cum[j])

    def iso(self, t: np.ndarray) -> pa.Array:
        """ISO 8601 with the Europe/Paris offset of each instant, second precision."""
        k = (t - self.h0) // H
        loc = t + self.off[k]
        sod = loc % 86400
        m = np.empty((len(t), 25), np.uint8)
        m[:, :10] = self.dates[loc // 86400 - self.d0]
        m[:, [10, 13, 16]] = [84, 58, 58]  # T : :
        for col, v in ((11, sod // H), (14, sod // 60 % 60), (17, sod % 60)):
            _digits(m, col, v, 2)
        m[:, 19:] = self.off_txt[k]
        return _fixed(m)

    def ids(self, index: np.ndarray) -> pa.Array:
        m = np.empty((len(index), 4 + self.id_width), np.uint8)
        m[:, :4] = list(b"SUP-")
        _digits(m, 4, index + 1, self.id_width)
        return _fixed(m)
