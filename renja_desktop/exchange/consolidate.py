"""Consolidation for Bappeda: many agencies' Renja gathered into one read-only city view.

The consolidated file is an ordinary Renja document file (same schema and application id, so
``info``, ``tree``, ``check`` and the window open it), marked in ``meta``:

* ``renja.consolidated = 1`` and ``renja.readonly = 1`` -- :func:`workspace.open_for_editing`
  opens it read-only; it is a view, never edited;
* ``renja.consolidated.sources`` -- JSON list of the agencies: document id, Perangkat Daerah, file
  name, content hash, row counts and totals (pagu n, n+1) as read from each source.

Its plan tree has one row per urusan (merged by code) and, under it, each agency's own bidang urusan
subtree copied whole, the bidang row named with the agency (``KESATUAN BANGSA DAN POLITIK — Badan
Kesbangpol``) and the agency as ``penanggung_jawab``. So the urusan rows total per urusan, the bidang
rows per agency within an urusan, and the grand total is the city's. Rows get new ids derived from
(document id, row id), so the same agency file always gives the same rows. Only the plan (Tabel
3.1/4.1 with indicators and funding) is gathered; evaluations and lists stay in each agency's Renja.

Every source is checked first (``quick_check`` and readable rows); a file that fails, belongs to
another Pemda or year, is itself a consolidation, or repeats a document already given (same
document id) is named with the reason, and nothing is written unless ``skip_bad`` is chosen.
"""
from __future__ import annotations

import json
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..codes import LEVEL_NAMES, URUSAN
from ..errors import Msg, message
from ..formatting import format_rupiah
from ..model import new_id, now_stamp
from .. import rowcheck
from ..service import T_IND, T_PLAN, T_SD, RenjaDocument
from ..storage import DocumentFileError, create_file, inspect_file
from ..validation import validate
from . import fsutil
from .backups import take_backup
from .errors import ExchangeError
from .integrity import check_file
from .sqlitefile import KEY_CONSOLIDATED, KEY_READONLY, connect_ro, read_meta

KEY_SOURCES = "renja.consolidated.sources"
NAMESPACE = uuid.UUID("6f1d4a52-9b7e-4c3a-8d2f-52454e4a4131")


@dataclass
class Source:
    path: Path
    document_id: str | None = None
    opd: str = ""
    opd_singkat: str = ""
    pemda: str = ""
    tahun: int | None = None
    content_hash: str | None = None
    pagu: int = 0
    pagu_n1: int = 0
    sub_kegiatan: int = 0
    rows: int = 0
    problem: str = ""             # why it is refused ("" = accepted)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.opd_singkat or self.opd or self.path.stem

    def as_dict(self) -> dict:
        return {"berkas": self.path.name, "document_id": self.document_id, "opd": self.opd,
                "opd_singkat": self.opd_singkat, "content_hash": self.content_hash, "pagu": self.pagu,
                "pagu_n1": self.pagu_n1, "sub_kegiatan": self.sub_kegiatan, "baris": self.rows}


@dataclass
class Consolidation:
    output: Path | None
    sources: list[Source]
    urusan: list[dict] = field(default_factory=list)   # kode, nama, pagu, pagu_n1, per agency
    total: int = 0
    total_n1: int = 0
    written: bool = False

    @property
    def accepted(self) -> list[Source]:
        return [s for s in self.sources if not s.problem]

    @property
    def refused(self) -> list[Source]:
        return [s for s in self.sources if s.problem]

    def lines(self, lang: str | None = "id") -> list[str]:
        """The report, in ``lang`` (bawaan: Indonesian, the command line's)."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        out = []
        if self.refused:
            out.append(say("consolidate.refused_head"))
            out.extend(f"  - {s.path.name}: {message(s.problem, lang)}" for s in self.refused)
        if self.written:
            out.append(say("consolidate.written", count=len(self.accepted), path=self.output))
        else:
            out.append(say("consolidate.not_written"))
        if self.accepted:
            width = max(len(s.name) for s in self.accepted)
            out.append(say("consolidate.per_agency"))
            for s in self.accepted:
                out.append(say("consolidate.agency", name=s.name.ljust(width), count=f"{s.sub_kegiatan:>6}",
                               pagu=f"{format_rupiah(s.pagu):>20}", pagu_n1=f"{format_rupiah(s.pagu_n1):>20}"))
                out.extend(say("consolidate.warning", warning=w) for w in s.warnings)
        if self.urusan:
            out.append(say("consolidate.per_affair"))
            for u in self.urusan:
                out.append(f"  {u['kode']:<4} {u['nama'][:50]:<50} Rp {format_rupiah(u['pagu']):>20}")
        if self.accepted:
            total = self.total if self.written else sum(s.pagu for s in self.accepted)
            total_n1 = self.total_n1 if self.written else sum(s.pagu_n1 for s in self.accepted)
            out.append(say("consolidate.total", pagu=format_rupiah(total), pagu_n1=format_rupiah(total_n1)))
        return out

    def as_dict(self) -> dict:
        return {"hasil": str(self.output) if self.output else None, "ditulis": self.written,
                "diterima": [s.as_dict() for s in self.accepted],
                "ditolak": [{"berkas": s.path.name, "alasan": s.problem} for s in self.refused],
                "urusan": self.urusan, "total_pagu": self.total, "total_pagu_n1": self.total_n1}


def _read_source(path: Path) -> tuple[Source, object | None]:
    src = Source(Path(path))
    if not src.path.exists():
        src.problem = Msg("consolidate.missing")
        return src, None
    report = check_file(src.path)
    if not report.ok:
        src.problem = report.message
        return src, None
    if report.consolidated:
        src.problem = Msg("consolidate.is_combined")
        return src, None
    src.content_hash = report.content_hash
    src.warnings.extend(report.warnings)
    try:
        doc = RenjaDocument.open(src.path, readonly=True)
    except (DocumentFileError, sqlite3.DatabaseError) as exc:
        src.problem = Msg.of(exc)
        return src, None
    info = doc.info
    src.document_id = info["id"]
    src.opd = info.get("opd") or ""
    src.opd_singkat = info.get("opd_singkat") or ""
    src.pemda = info.get("pemda") or ""
    src.tahun = info.get("tahun")
    src.pagu, src.pagu_n1 = doc.plan.totals[0], doc.plan.totals[1]
    src.rows = len(doc.plan.nodes)
    src.sub_kegiatan = sum(1 for n in doc.plan.nodes.values() if n.level == 5)
    too_big = _over_bound(doc)
    if too_big:
        doc.close()
        src.problem = too_big
        return src, None

    errors = [f for f in validate(doc) if f.severity == "error"]
    if errors:
        src.warnings.append(Msg("consolidate.check_errors", count=len(errors), example=errors[0].pesan,
                                name=src.path.name))
    return src, doc


def _over_bound(doc: "RenjaDocument") -> str | None:
    """A stored amount above :data:`~renja_desktop.formatting.MAX_RUPIAH` (written before the bound
    existed, or by another program): summed with others it could overflow SQLite's INTEGER."""
    from ..formatting import MAX_RUPIAH

    for node in doc.plan.nodes.values():
        for key in ("pagu", "pagu_n1", "rkpd_pagu"):
            value = node.values.get(key)
            if isinstance(value, int) and abs(value) > MAX_RUPIAH:
                return Msg("consolidate.over_bound", field=key, row=node.kode or node.nama[:40],
                           value=format_rupiah(value), max=format_rupiah(MAX_RUPIAH))
    return None


def consolidate(files: list[str | os.PathLike], out: str | os.PathLike, skip_bad: bool = False,
                overwrite: bool = False) -> Consolidation:
    """Gather the agencies' Renja ``files`` into the read-only city view ``out``."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise ExchangeError("exists", "exchange.result_exists_force", out, name=out.name)
    if not out.parent.is_dir():
        raise ExchangeError("no_folder", "file.no_folder", out, folder=out.parent)
    if not files:
        raise ExchangeError("no_files", "exchange.no_files")
    sources: list[Source] = []
    docs: dict[int, object] = {}
    seen: dict[str, Source] = {}
    try:
        for f in files:
            if Path(f).resolve() == out.resolve():
                s = Source(Path(f), problem=Msg("consolidate.output_is_input"))
                sources.append(s)
                continue
            src, doc = _read_source(Path(f))
            sources.append(src)
            if doc is None:
                continue
            if src.document_id in seen:
                first = seen[src.document_id]
                src.problem = Msg("consolidate.same_document", name=first.path.name, agency=first.name)
                doc.close()
                continue
            seen[src.document_id] = src
            docs[id(src)] = doc
        accepted = [s for s in sources if not s.problem]
        if accepted:
            years = {s.tahun for s in accepted}
            pemdas = {s.pemda.strip().lower() for s in accepted if s.pemda.strip()}
            if len(years) > 1 or len(pemdas) > 1:
                from collections import Counter

                year = Counter(s.tahun for s in accepted).most_common(1)[0][0]
                pemda = Counter(s.pemda.strip().lower() for s in accepted).most_common(1)[0][0]
                for s in accepted:
                    if s.tahun != year:
                        s.problem = Msg("consolidate.other_year", year=s.tahun, other=year)
                    elif s.pemda.strip().lower() != pemda and s.pemda.strip():
                        s.problem = Msg("consolidate.other_pemda", pemda=s.pemda, other=pemda.title())
            names: dict[str, Source] = {}
            for s in [s for s in sources if not s.problem]:
                key = s.opd.strip().lower()
                if key and key in names:
                    s.warnings.append(Msg("consolidate.same_name", name=names[key].path.name))
                names.setdefault(key, s)
        result = Consolidation(out, sources)
        good = result.accepted
        if result.refused and not skip_bad:
            return result
        if not good:
            return result
        _write(out, good, docs, result, overwrite)
        return result
    finally:
        for doc in docs.values():
            doc.close()


def _code_key(kode: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 999 for p in kode.split(".")) if kode else (999,)


def _rid(doc_id: str, row_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{doc_id}/{row_id}"))


def _write(out: Path, good: list[Source], docs: dict, result: Consolidation, overwrite: bool) -> None:
    plan_cols = [c.name for c in T_PLAN.columns]
    ind_cols = [c.name for c in T_IND.columns]
    sd_cols = [c.name for c in T_SD.columns]
    stamp = now_stamp()
    first = good[0]
    urusan: dict[str, dict] = {}        # key -> the merged urusan row
    rows: list[dict] = []
    inds: list[dict] = []
    sds: list[dict] = []
    top_position = 0
    kids_count: dict[str, int] = {}
    for src in good:
        doc = docs[id(src)]
        for root in doc.plan.roots:
            if root.level == URUSAN:
                key = root.kode or root.nama.strip().upper()
                u = urusan.get(key)
                if u is None:
                    u = dict(root.values)
                    u.update(id=_rid("urusan", key), parent_id=None, position=top_position, modified_at=stamp,
                             pagu=None, pagu_n1=None, rkpd_pagu=None, penanggung_jawab="")
                    top_position += 1
                    urusan[key] = u
                    rows.append(u)
                for kid in root.children:
                    pos = kids_count.get(u["id"], 0)
                    kids_count[u["id"]] = pos + 1
                    _copy_subtree(doc, src, kid, u["id"], pos, rows, inds, sds)
            else:  # a row outside any urusan (an imperfect source): kept at the top, named
                _copy_subtree(doc, src, root, None, top_position, rows, inds, sds)
                top_position += 1
    # urusan in code order (1, 2, ... 8), whatever order the files came in
    for i, u in enumerate(sorted(urusan.values(), key=lambda u: (_code_key(u.get("kode") or ""), u["nama"]))):
        u["position"] = i
    shift = len(urusan)
    for r in rows:
        if r["parent_id"] is None and r["id"] not in {u["id"] for u in urusan.values()}:
            r["position"] = shift
            shift += 1
    conn_rows = [tuple(r.get(c) for c in plan_cols) for r in rows]
    tmp = fsutil.temp_path_for(out)
    try:
        engine = create_file(tmp)
        engine.dispose()
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            with conn:
                conn.execute(
                    "INSERT INTO document (id, pemda, opd, opd_singkat, tahun, renstra_mulai, renstra_selesai, "
                    "nomenklatur_versi, judul, running_header, tempat, tanggal, kepala_jabatan, kepala_nama, "
                    "kepala_pangkat, kepala_nip, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (new_id(), first.pemda, "Gabungan Renja Perangkat Daerah", "Gabungan Renja", first.tahun, None,
                     None, "", "GABUNGAN RENJA PERANGKAT DAERAH (BAHAN RKPD)",
                     f"GABUNGAN RENJA {first.tahun}\n{first.pemda.upper()}", "", "", "", "", "", "", stamp, stamp))
                conn.executemany(f"INSERT INTO plan_row ({', '.join(plan_cols)}) VALUES "
                                 f"({', '.join('?' for _ in plan_cols)})", conn_rows)
                conn.executemany(f"INSERT INTO indikator ({', '.join(ind_cols)}) VALUES "
                                 f"({', '.join('?' for _ in ind_cols)})",
                                 [tuple(r.get(c) for c in ind_cols) for r in inds])
                conn.executemany(f"INSERT INTO sumber_dana ({', '.join(sd_cols)}) VALUES "
                                 f"({', '.join('?' for _ in sd_cols)})",
                                 [tuple(r.get(c) for c in sd_cols) for r in sds])
                meta = {KEY_CONSOLIDATED: "1", KEY_READONLY: "1",
                        KEY_SOURCES: json.dumps([s.as_dict() for s in good], ensure_ascii=False)}
                conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", list(meta.items()))
                from ..stagefile import carry_stages  # each source's stages and notes, under its own id

                for src in good:
                    carry_stages(conn, src.path)
                rowcheck.rebuild(conn)
        finally:
            conn.close()
        inspect_file(tmp, deep=True)
        _fill_summary(tmp, result)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if out.exists() and overwrite:
            take_backup(out, "sebelum-ditimpa", raw=True)
        fsutil.replace_with_retries(tmp, out)
        fsutil.fsync_dir(out.parent)
        result.written = True
    finally:
        fsutil.forget_temp(tmp)


def _copy_subtree(doc, src: Source, node, parent_id, position, rows, inds, sds) -> None:
    stack = [(node, parent_id, position, True)]
    while stack:
        n, pid, pos, top = stack.pop()
        r = dict(n.values)
        new = _rid(src.document_id, n.id)
        r.update(id=new, parent_id=pid, position=pos)
        if top:
            label = src.opd_singkat or src.opd
            r["nama"] = f"{r.get('nama') or LEVEL_NAMES.get(n.level, '')} — {label}"
            r["penanggung_jawab"] = src.opd
        rows.append(r)
        for x in doc.indikator.get(n.id, []):
            inds.append(dict(x, id=_rid(src.document_id, x["id"]), row_id=new))
        for x in doc.sumber_dana.get(n.id, []):
            sds.append(dict(x, id=_rid(src.document_id, x["id"]), row_id=new))
        for i, child in reversed(list(enumerate(n.children))):
            stack.append((child, new, i, False))


def _fill_summary(path: Path, result: Consolidation) -> None:
    s = summary(path)
    result.urusan = s["urusan"]
    result.total = s["total_pagu"]
    result.total_n1 = s["total_pagu_n1"]


def summary(path: str | os.PathLike) -> dict:
    """Per-agency and per-urusan totals of a consolidated file (recomputed from its rows)."""
    path = Path(path)
    conn = connect_ro(path)
    try:
        meta = read_meta(conn)
        if meta.get(KEY_CONSOLIDATED) != "1":
            raise ExchangeError("not_consolidated", "exchange.not_consolidated", path, name=path.name)
        sources = json.loads(meta.get(KEY_SOURCES) or "[]")
        urusan = []
        q = ("WITH RECURSIVE sub(root, id, level, pagu, pagu_n1) AS ("
             " SELECT id, id, level, pagu, pagu_n1 FROM plan_row WHERE parent_id IS NULL"
             " UNION ALL SELECT sub.root, p.id, p.level, p.pagu, p.pagu_n1 FROM plan_row p JOIN sub ON p.parent_id = sub.id)"
             " SELECT root, coalesce(sum(CASE WHEN level = 5 THEN pagu END), 0),"
             " coalesce(sum(CASE WHEN level = 5 THEN pagu_n1 END), 0) FROM sub GROUP BY root")
        sums = {r[0]: (r[1], r[2]) for r in conn.execute(q)}
        per_agency: dict[str, dict[str, int]] = {}
        q2 = ("WITH RECURSIVE sub(u, agency, id, level, pagu) AS ("
              " SELECT p.parent_id, p.penanggung_jawab, p.id, p.level, p.pagu FROM plan_row p"
              " JOIN plan_row u ON p.parent_id = u.id WHERE u.parent_id IS NULL"
              " UNION ALL SELECT sub.u, sub.agency, c.id, c.level, c.pagu FROM plan_row c JOIN sub ON c.parent_id = sub.id)"
              " SELECT u, agency, coalesce(sum(CASE WHEN level = 5 THEN pagu END), 0) FROM sub GROUP BY u, agency")
        for u, agency, total in conn.execute(q2):
            per_agency.setdefault(u, {})[agency] = total
        for rid, kode, nama in conn.execute(
                "SELECT id, kode, nama FROM plan_row WHERE parent_id IS NULL ORDER BY position"):
            pagu, n1 = sums.get(rid, (0, 0))
            urusan.append({"kode": kode, "nama": nama, "pagu": pagu, "pagu_n1": n1,
                           "per_opd": per_agency.get(rid, {})})
        total = conn.execute("SELECT coalesce(sum(pagu), 0), coalesce(sum(pagu_n1), 0) FROM plan_row "
                             "WHERE level = 5").fetchone()
    finally:
        conn.close()
    return {"sumber": sources, "urusan": urusan, "total_pagu": total[0], "total_pagu_n1": total[1]}


def is_consolidated(path: str | os.PathLike) -> bool:
    conn = connect_ro(Path(path))
    try:
        return read_meta(conn).get(KEY_CONSOLIDATED) == "1"
    finally:
        conn.close()


__all__ = ["consolidate", "Consolidation", "Source", "summary", "is_consolidated", "KEY_SOURCES"]
