"""Deterministic, realistic demo exports in the generic CSV format (DESIGN §5.1).

The dashboard, the importer and the benchmarks need data that looks like the desk's Jira export
(French états and priorities, a business-hours rhythm, SLA breaches, reopenings, tickets still open
at the end, a few deliberate data problems) at any size and byte-identical for one seed. Each chunk
of tickets is simulated with numpy, one column per possible event "slot" of the workflow; agent
delays are counted in business seconds of the SLA calendar (cumulative business time, as the SLA
engine does), and CSV lines are assembled by pyarrow, so 1M tickets stay fast and bounded in memory.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ticketlib.domain.vocabulary import ETATS, PRIORITIES

TZ = ZoneInfo("Europe/Paris")
CHUNK = 50_000
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
OUV, PEC, ATC, ATI, RES, FER, REO, UNK = range(8)  # indexes of ETATS, then the unknown status
HAUTE, MOYENNE, FAIBLE = range(3)

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
_TTO = np.array([0.25, 1.0, 2.5]) * H  # median business time to take charge, per priority
_WORK = np.array([2.5, 8.0, 14.0]) * H  # median business work time to resolution, per priority
_INTERNAL = np.array([1.5, 4.0, 6.0]) * H  # median wait for another team, per priority


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


def _simulate(w: _World, rng: np.random.Generator, lo: int, hi: int, prev: int):
    """Tickets lo..hi-1: creation times and a (tickets x slots) event plan."""
    n = hi - lo
    q = (np.arange(lo, hi) + rng.random(n)) / w.n * w.cum_w[-1]
    b = np.minimum(np.searchsorted(w.cum_w, q, "right") - 1, len(w.weight) - 1)
    t0 = (w.hours[b] + (q - w.cum_w[b]) / w.weight[b] * H).astype(np.int64)
    t0 = np.maximum.accumulate(np.maximum(t0, prev))
    pr = rng.choice(3, n, p=[0.14, 0.56, 0.30])
    mode = rng.choice(3, n, p=[0.89, 0.10, 0.01])  # priority set at PEC, a bit later, never
    late_next = (mode == 1) & (rng.random(n) < 0.3)
    change = (mode != 2) & ~late_next & (rng.random(n) < 0.05)
    new_pr = np.where(pr == MOYENNE, np.where(rng.random(n) < 0.7, HAUTE, FAIBLE), MOYENNE)
    cycles = rng.choice(4, n, p=[0.14, 0.32, 0.38, 0.16])
    reopen, cycles2 = rng.random(n) < 0.08, rng.random(n) < 0.5
    slots = 17
    when = np.zeros((n, slots), np.int64)
    state = np.zeros((n, slots), np.int8)
    pri = np.full((n, slots), -1, np.int8)
    on = np.zeros((n, slots), bool)
    cur = t0 - 1

    def dur(median, sigma, cap=40 * 9 * H):
        return np.clip(rng.lognormal(np.log(median), sigma, n), 60, cap).astype(np.int64)

    def agent(t, secs):  # agents mostly act in business hours
        return np.where(rng.random(n) < 0.03, t + secs, w.business(t, secs))

    def customer(t):
        wall = rng.random(n) < 0.3
        return np.where(wall, t + dur(20 * H, 1.0), w.business(t, dur(5 * H, 1.2)))

    def close(t):
        wall = rng.random(n) < 0.3
        bus = w.business(t, rng.integers(9 * H, 45 * H, n))
        return np.where(wall, t + rng.integers(86400, 5 * 86400, n), bus)

    def put(s, status, present, t, prio=None):
        nonlocal cur
        cur = np.where(present, np.maximum(t, cur + 1), cur)
        when[:, s], state[:, s], on[:, s] = cur, status, present
        if prio is not None:
            pri[:, s] = prio

    everyone = np.ones(n, bool)
    put(0, OUV, everyone, t0)
    put(1, PEC, everyone, agent(cur, dur(_TTO[pr], 1.1)), np.where(mode == 0, pr, -1))
    put(2, PEC, (mode == 1) & ~late_next, cur + rng.integers(60, 1200, n), pr)
    base, seg = cur, dur(_WORK[pr] / (cycles + 1), 0.9)
    put(3, PEC, change, w.business(cur, (seg * rng.uniform(0.2, 0.8, n)).astype(np.int64)), new_pr)
    t = agent(base, seg)
    for k in range(3):
        client = rng.random(n) < 0.8
        pk = np.where(late_next & (k == 0), pr, -1)
        put(4 + 2 * k, np.where(client, ATC, ATI), cycles > k, t, pk)
        back = np.where(client, customer(cur), w.business(cur, dur(_INTERNAL[pr], 1.0)))
        put(5 + 2 * k, PEC, cycles > k, back)
        t = agent(cur, dur(_WORK[pr] / (cycles + 1), 0.9))
    put(10, RES, everyone, t, np.where(late_next & (cycles == 0), pr, -1))
    put(11, np.where(reopen, REO, FER), everyone, np.where(reopen, customer(cur), close(cur)))
    put(12, PEC, reopen, agent(cur, dur(H, 1.0)))
    put(13, ATC, reopen & cycles2, agent(cur, dur(_WORK[pr] / 2, 0.9)))
    put(14, PEC, reopen & cycles2, customer(cur))
    put(15, RES, reopen, agent(cur, dur(_WORK[pr] / 2, 0.9)))
    put(16, FER, reopen, close(cur))
    mine = {p: pos[(pos >= lo) & (pos < hi)] - lo for p, pos in w.problems.items()}
    r = mine["unexpected_transition"]  # OUVERT -> RÉSOLU directly, priority given there
    on[r, 1:10] = False
    pri[r, 10] = np.where(mode[r] == 2, -1, np.where(change[r], new_pr[r], pr[r]))
    r = mine["same_instant"]
    when[r, 1] = when[r, 0]
    pri[mine["no_priority"]] = -1
    on &= when < w.end
    return t0, on, when, state, pri, mine


def _chunk(w: _World, rng: np.random.Generator, lo: int, hi: int, prev: int):
    n = hi - lo
    t0, on, when, state, pri, mine = _simulate(w, rng, lo, hi, prev)
    team = rng.choice(len(_TEAMS), n, p=w.team_w)
    title = w.title_off[team] + (rng.random(n) * w.title_n[team]).astype(np.int64)
    agent = 1 + w.agent_off[team] + (rng.random(n) * w.agent_n[team]).astype(np.int64)
    customer = rng.choice(len(_CUSTOMERS), n, p=w.cust_w)
    col = np.where(on & (pri >= 0), np.arange(pri.shape[1]), -1).max(axis=1)
    final = np.where(col >= 0, pri[np.arange(n), np.maximum(col, 0)], -1)
    agent = np.where(on[:, 1:].any(axis=1), agent, 0)
    ids = w.ids(np.arange(lo, hi))
    tickets = pc.binary_join_element_wise(
        ids, w.iso(t0), w.prio.take(final + 1), w.customers.take(customer),
        w.agents.take(agent), w.teams.take(team), w.titles.take(title), ",",
    )  # fmt: skip
    # Events in file order, then the event-level deliberate problems.
    row, slot = np.nonzero(on)
    et, es, ep = when[row, slot], state[row, slot], pri[row, slot]
    count = on.sum(axis=1)
    first = np.cumsum(count) - count
    rep = np.ones(len(row), np.int64)
    dup = first[mine["duplicate_event"]] + np.minimum(1, count[mine["duplicate_event"]] - 1)
    unk = first[mine["unknown_status"]] + np.minimum(1, count[mine["unknown_status"]] - 1)
    bad = first[mine["bad_timestamp"]] + count[mine["bad_timestamp"]] - 1
    rep[dup] += 1
    rep[unk] += 1
    pos = np.cumsum(rep) - rep
    # The unknown status lands a few minutes after its predecessor, before the next event.
    alone = unk == first[row[unk]] + count[row[unk]] - 1
    nxt = np.where(alone, w.end - 1, et[np.minimum(unk + 1, len(et) - 1)])
    gap = np.minimum((nxt - et[unk]) // 2, 600)
    row, et, es, ep = (np.repeat(a, rep) for a in (row, et, es, ep))
    et[pos[unk] + 1] = et[pos[unk]] + gap
    es[pos[unk] + 1], ep[pos[unk] + 1] = UNK, -1
    stamp = w.iso(et)
    if len(bad):
        mask = np.zeros(len(et), bool)
        mask[pos[bad]] = True
        stamp = pc.if_else(pa.array(mask), pa.scalar(BAD_TIMESTAMP), stamp)
    events = pc.binary_join_element_wise(
        ids.take(row), stamp, w.status.take(es), w.prio_nl.take(ep + 1), ","
    )
    return tickets, events, int(t0[-1]) if n else prev


def _write(f, lines: pa.Array) -> None:
    end = np.frombuffer(lines.buffers()[1], np.int32)[lines.offset + len(lines)]
    start = np.frombuffer(lines.buffers()[1], np.int32)[lines.offset]
    f.write(memoryview(lines.buffers()[2])[start:end])


def write_demo(
    out_dir: Path,
    tickets: int = 3000,
    seed: int = 42,
    start: date = date(2025, 1, 6),
    progress=None,
) -> dict:
    """Writes out_dir/tickets.csv and out_dir/events.csv; returns counts {"tickets": n, "events": m}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    w = _World(start, tickets)
    events, prev = 0, w.t0
    with open(out_dir / "tickets.csv", "wb") as ft, open(out_dir / "events.csv", "wb") as fe:
        ft.write(b"ticket_id,created_at,priority,customer,assignee,team,title\n")
        fe.write(b"ticket_id,timestamp,status,priority\n")
        for c, lo in enumerate(range(0, tickets, CHUNK)):
            hi = min(lo + CHUNK, tickets)
            t_lines, e_lines, prev = _chunk(w, np.random.default_rng([seed, c]), lo, hi, prev)
            _write(ft, t_lines)
            _write(fe, e_lines)
            events += len(e_lines)
            if progress is not None:
                progress(hi, tickets)
    return {"tickets": tickets, "events": events}
