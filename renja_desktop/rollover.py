"""Next year's Renja from this one (``renja-desktop rollover FILE -o NEXT.sqlite``).

What carries over and how (DESIGN.md section 9, Tabel 2.1 formulas of section 4):

* identity and signing block; ``tahun`` + 1; the signing date and the title are emptied;
* the plan tree, every row with a new id: a sub kegiatan's pagu n becomes this year's prakiraan maju
  n+1 (``pagu_from="prakiraan"``) or the Renstra's anggaran for the new year (``"renstra"``); the
  indicators' target n becomes their target n+1; the prakiraan maju (pagu and target n+1) is taken
  from the Renstra for the year after when the Renstra has it, else emptied; funding shares are
  scaled to the new pagu; the RKPD draft side (Tabel 2.3) is emptied;
* Tabel 2.1: the same rows, realisation moved by one year: column 6 (realisasi Renstra up to the
  year before) := this year's column 14 (= 6 + 12); columns 7-12 and the entered 14 emptied;
  column 5 kept (or from the Renstra);
* Tabel 2.2: the year columns shift by one (target n-2 := target n-3's successor, ...);
* the Renstra is carried; proposals (Tabel 2.4), printed values of an import, stages and notes
  are not (they belong to this year) and are reported as dropped;
* a change of nomenclature version (``nomenklatur``): each code is looked up in the new list; a
  code that is gone but whose name is there under another code in the same place is mapped, one
  that is not is flagged and kept, never dropped.

Every carried, mapped, flagged and dropped row is in the :class:`RolloverReport`. The target must
not exist; the source is only read.
"""
from __future__ import annotations

import os
import sqlite3
from operator import itemgetter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import codes
from .codes import SUB_KEGIATAN
from .compute import eval_leaf_values
from .errors import Msg, Text
from .formatting import decimal_to_text
from . import rowcheck
from .model import now_stamp
from .service import EditError, RenjaDocument
from .storage import DocumentFileError, create_file

PAGU_FROM = ("prakiraan", "renstra")


class RolloverError(EditError):
    """A refused rollover (the message says why); nothing was written."""


@dataclass
class RolloverReport:
    source: str
    target: str
    tahun_lama: int
    tahun_baru: int
    pagu_from: str
    nomenklatur_lama: str
    nomenklatur_baru: str
    carried: list[dict] = field(default_factory=list)    # {tabel, kode, nama, catatan}
    mapped: list[dict] = field(default_factory=list)     # {kode_lama, kode_baru, nama}
    flagged: list[dict] = field(default_factory=list)    # {tabel, kode, nama, alasan}
    dropped: list[dict] = field(default_factory=list)    # {tabel, jumlah, alasan}
    total_pagu: int = 0

    def as_dict(self) -> dict:
        return {"sumber": self.source, "hasil": self.target, "tahun_lama": self.tahun_lama,
                "tahun_baru": self.tahun_baru, "pagu_dari": self.pagu_from,
                "nomenklatur_lama": self.nomenklatur_lama, "nomenklatur_baru": self.nomenklatur_baru,
                "total_pagu": self.total_pagu, "dibawa": self.carried, "dipetakan": self.mapped,
                "ditandai": self.flagged, "tidak_dibawa": self.dropped}

    def lines(self, lang: str | None = "id") -> list[str]:
        """The report, in ``lang`` (bawaan: Indonesian, the command line's)."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        def table(name: str):
            return TABLE_LABELS.get(name, name)

        by_table: dict[str, int] = {}
        for c in self.carried:
            by_table[c["tabel"]] = by_table.get(c["tabel"], 0) + 1
        source = Text("prakiraan maju", "the forward estimates") if self.pagu_from == "prakiraan" else \
            Text("anggaran Renstra", "the Renstra budget")
        out = [say("rollover.made", new=self.tahun_baru, old=self.tahun_lama, path=self.target),
               say("rollover.carried", tables=", ".join(say("rollover.table_rows", table=table(k), count=v)
                                                         for k, v in by_table.items())),
               say("rollover.pagu", year=self.tahun_baru, source=source, total=f"{self.total_pagu:,}".replace(",", "."))]
        for m in self.mapped:
            out.append(say("rollover.mapped", old=m["kode_lama"], new=m["kode_baru"], name=m["nama"]))
        for f in self.flagged:
            out.append(say("rollover.flagged", kode=f["kode"] or "-", name=f["nama"][:50], reason=f["alasan"]))
        for d in self.dropped:
            out.append(say("rollover.dropped", table=table(d["tabel"]), count=d["jumlah"], reason=d["alasan"]))
        return out


def _rp(v) -> str:
    """Rupiah as the report shows it (``1.500.000``); the plain int path, as tables print money."""
    if v is None:
        return "(kosong)"
    return f"{v:,}".replace(",", ".") if v >= 0 else "-" + f"{-v:,}".replace(",", ".")


#: the tables named in the report (Indonesian and English)
TABLE_LABELS = {"document": Text("identitas", "identity"), "plan_row": Text("pohon program", "program tree"),
                "eval_row": Text("Tabel 2.1", "Table 2.1"), "pelayanan": Text("Tabel 2.2", "Table 2.2"),
                "usulan": Text("Tabel 2.4", "Table 2.4"), "declared_value": Text("nilai tercetak", "printed values"),
                "renstra_row": Text("Renstra", "Renstra"), "renja_stage": Text("tahap", "stages"),
                "catatan_verifikasi": Text("catatan verifikasi", "verification notes")}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = _columns(conn, table)
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    missing = [c for c in cols if c not in rows[0]]
    if missing:
        rows = [dict(dict.fromkeys(missing), **r) for r in rows]
    pick = itemgetter(*cols)
    conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                     (pick(r) if len(cols) > 1 else (pick(r),) for r in rows))


def _ids():
    """Fresh UUID4 strings, made in bulk (the same form as model.new_id, a fraction of the cost)."""
    while True:
        raw = bytearray(os.urandom(16 * 4096))
        for i in range(0, len(raw), 16):
            raw[i + 6] = (raw[i + 6] & 0x0F) | 0x40   # version 4
            raw[i + 8] = (raw[i + 8] & 0x3F) | 0x80   # RFC 4122 variant
            h = raw[i:i + 16].hex()
            yield f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _scale_shares(items: list[dict], old: int | None, new: int | None) -> list[dict]:
    """Funding shares scaled from the old pagu to the new one (the remainder on the last share)."""
    amounts = [i.get("jumlah") for i in items]
    if not items or all(a is None for a in amounts) or new is None or not old:
        return [dict(i, jumlah=None if len(items) == 1 else i.get("jumlah")) for i in items]
    out, used = [], 0
    for k, i in enumerate(items):
        if k == len(items) - 1:
            share = new - used
        else:
            share = int((Decimal(i.get("jumlah") or 0) * new / old).to_integral_value())
            used += share
        out.append(dict(i, jumlah=share))
    return out


class _Mapper:
    """Codes from the document's nomenclature version to another one (see module doc)."""

    def __init__(self, doc: RenjaDocument, versi_baru: str | None, report: RolloverReport):
        from .catalog import CatalogError, get_catalog, pemda_jenis

        self.report = report
        self.jenis = pemda_jenis(doc)
        lama = (doc.info.get("nomenklatur_versi") or "").strip()
        self.active = bool(versi_baru) and versi_baru != lama
        if not self.active:
            return
        try:
            self.new = get_catalog(versi_baru)
            self.old = get_catalog(lama) if lama else None
        except CatalogError as exc:
            raise RolloverError("rollover.because", reason=exc) from None

    def code(self, kode: str, nama: str, level: int, parent_new_code: str | None) -> str:
        """The row's code in the new version: kept, mapped (reported) or kept and flagged."""
        if not self.active or not kode:
            return kode
        try:
            norm = codes.normalize_code(kode)
        except codes.CodeError:
            return kode
        mapped = self._catalog_mapping(norm, nama, parent_new_code)
        if mapped is not None:
            return mapped
        if self.new.lookup(norm, self.jenis) is not None:
            return norm
        found = self._sibling_by_name(nama, level, parent_new_code)
        if found is not None:
            self.report.mapped.append({"kode_lama": norm, "kode_baru": found, "nama": nama})
            return found
        self._flag(norm, nama, Msg("rollover.code_not_listed", version=self.new.versi))
        return norm

    def _flag(self, kode: str, nama: str, why: Msg) -> None:
        self.report.flagged.append({"tabel": "plan_row", "kode": kode, "nama": nama, "alasan": why})

    def _catalog_mapping(self, norm: str, nama: str, parent_new_code: str | None) -> str | None:
        """The catalog's own version mapping (``catalog.map_code``) when this build has it."""
        from . import catalog

        map_code = getattr(catalog, "map_code", None)
        if map_code is None or self.old is None:
            return None
        try:
            m = map_code(norm, self.old.versi, self.new.versi, self.jenis)
        except Exception:  # noqa: BLE001 - a mapping that cannot be made: fall back to names
            return None
        if m.jenis in ("sama", "baru"):
            return norm
        if m.jenis == "ganti_nama":
            self._flag(norm, nama, Msg("rollover.name_in", version=self.new.versi, names=", ".join(m.nama_baru)))
            return norm
        if m.jenis == "pindah" and len(m.tujuan) == 1:
            target = m.tujuan[0]
            parent = str(codes.parse_code(target).parent()) if "." in target else None
            if parent_new_code is None or parent == parent_new_code:
                self.report.mapped.append({"kode_lama": norm, "kode_baru": target, "nama": nama})
                return target
        if m.jenis in ("pindah", "pecah", "hapus"):
            what = {"pindah": Text("pindah ke", "moved to"), "pecah": Text("dipecah menjadi", "split into"),
                    "hapus": Text("tidak ada lagi", "no longer listed")}[m.jenis]
            where = f" {', '.join(m.tujuan)}" if m.tujuan else ""
            self._flag(norm, nama, Msg("rollover.code_changed", what=what, where=where, version=self.new.versi))
            return norm
        return None

    def _sibling_by_name(self, nama: str, level: int, parent_new_code: str | None) -> str | None:
        """A code of the new list under the same parent whose name is (almost) this row's name."""
        from .catalog import name_similarity

        if parent_new_code is None:
            return None
        best, score = None, 0.0
        for e in self.new.entries:
            if e.tingkat != level or not e.kode.startswith(parent_new_code + "."):
                continue
            try:
                if str(codes.parse_code(e.kode).parent()) != parent_new_code:
                    continue
            except codes.CodeError:
                continue
            sim = name_similarity(nama, e.nama)
            if sim > score:
                best, score = e.kode, sim
        return best if score >= 0.9 else None


def rollover(source: str | os.PathLike, target: str | os.PathLike, pagu_from: str = "prakiraan",
             nomenklatur: str | None = None) -> RolloverReport:
    """Write next year's Renja from ``source`` into the new file ``target`` (see module doc)."""
    source, target = Path(source), Path(target)
    if pagu_from not in PAGU_FROM:
        raise RolloverError("rollover.pagu_from", value=pagu_from)
    if target.exists():
        raise RolloverError("rollover.exists", name=target.name)
    if not target.parent.is_dir():
        raise RolloverError("rollover.no_folder", folder=target.parent)
    if target.resolve() == source.resolve():
        raise RolloverError("rollover.same_file")
    with RenjaDocument.open(source, readonly=True) as doc:
        report = _plan(doc, target, pagu_from, nomenklatur)
    return report


def _plan(doc: RenjaDocument, target: Path, pagu_from: str, nomenklatur: str | None) -> RolloverReport:
    from . import renstra as renstra_mod

    n = doc.info["tahun"]
    new_year = n + 1
    ids_of = _ids()
    new_id = ids_of.__next__
    report = RolloverReport(str(doc.path), str(target), n, new_year, pagu_from,
                            doc.info.get("nomenklatur_versi") or "", nomenklatur or doc.info.get("nomenklatur_versi") or "")
    items = renstra_mod.load(doc)
    by_kode = renstra_mod.by_code(items)
    years = renstra_mod.years(items)
    if pagu_from == "renstra":
        if not items:
            raise RolloverError("rollover.no_renstra", name=doc.path.name)
        if new_year not in years:
            raise RolloverError("rollover.renstra_year", first=min(years), last=max(years), year=new_year)
    forward = new_year + 1 in years
    mapper = _Mapper(doc, nomenklatur, report)
    stamp = now_stamp()

    # identity
    info = dict(doc.info)
    info.update(id=new_id(), tahun=new_year, tanggal="", judul="", created_at=stamp, modified_at=stamp,
                running_header="")
    if nomenklatur:
        info["nomenklatur_versi"] = nomenklatur
    report.carried.append({"tabel": "document", "kode": "", "nama": "Identitas dan penandatangan",
                           "catatan": Msg("rollover.year_moved", old=n, new=new_year)})

    # plan tree
    plan_rows, inds, sds = [], [], []
    ids: dict[str, str] = {}
    new_codes: dict[str, str] = {}
    total = 0
    for node in doc.plan.walk():
        v = node.values
        rid = ids[node.id] = new_id()
        parent = v.get("parent_id")
        kode = mapper.code(node.kode, node.nama, node.level, new_codes.get(parent) if parent else None)
        new_codes[node.id] = kode
        row = {k: v.get(k) for k in v}
        row.update(id=rid, parent_id=ids.get(parent) if parent else None, kode=kode, modified_at=stamp,
                   rkpd_nama="", rkpd_lokasi="", rkpd_indikator="", rkpd_target="", rkpd_pagu=None,
                   rkpd_catatan="")
        note = ""
        rs = by_kode.get(kode) or by_kode.get(node.kode)
        if node.level == SUB_KEGIATAN:
            old_pagu = v.get("pagu")
            if pagu_from == "renstra":
                value = rs.nilai.get(new_year, (None, None))[1] if rs else None
                if value is None:
                    report.flagged.append({"tabel": "plan_row", "kode": kode, "nama": node.nama,
                                           "alasan": Msg("rollover.no_renstra_budget", year=new_year)})
                row["pagu"] = value
            else:
                row["pagu"] = v.get("pagu_n1")
                if v.get("pagu_n1") is None:
                    report.flagged.append({"tabel": "plan_row", "kode": kode, "nama": node.nama,
                                           "alasan": Msg("rollover.no_forward", year=new_year)})
            row["pagu_n1"] = rs.nilai.get(new_year + 1, (None, None))[1] if (forward and rs) else None
            total += row["pagu"] or 0
            note = Msg("rollover.pagu_moved", old=_rp(old_pagu), new=_rp(row["pagu"]))
            for item in _scale_shares(doc.sumber_dana.get(node.id, []), old_pagu, row["pagu"]):
                sds.append(dict(item, id=new_id(), row_id=rid, modified_at=stamp))
        for item in doc.indikator.get(node.id, []):
            target_n1 = ""
            if forward and rs is not None:
                target_n1 = rs.nilai.get(new_year + 1, ("", None))[0] or ""
            inds.append(dict(item, id=new_id(), row_id=rid, target=item.get("target_n1") or "",
                             target_n1=target_n1, modified_at=stamp))
        plan_rows.append(row)
        report.carried.append({"tabel": "plan_row", "kode": kode, "nama": node.nama, "catatan": note})
    report.total_pagu = total

    # Tabel 2.1: realisation moved by one year
    eval_rows = []
    eids: dict[str, str] = {}
    catalog = renstra_mod.document_catalog(doc) if items else None
    for node in doc.evaluation.walk():
        v = node.values
        rid = eids[node.id] = new_id()
        row = {k: v.get(k) for k in v}
        parent = v.get("parent_id")
        row.update(id=rid, parent_id=eids.get(parent) if parent else None, modified_at=stamp)
        for c in (7, 8, 9, 10, 11, 12):
            row[f"k_{c}"] = None
            row[f"rp_{c}"] = None
        row["k_14"] = None
        row["keterangan"] = ""
        if node.level == SUB_KEGIATAN:
            ev = eval_leaf_values(v)
            row["k_6"] = decimal_to_text(ev.k_14)
            row["rp_6"] = ev.rp_14
        else:
            row["k_6"], row["rp_6"] = None, None
        rs = renstra_mod.match_eval(by_kode, node, catalog)
        if rs is not None:
            k5, rp5 = renstra_mod.period_end(rs)
            if k5 is not None:
                row["k_5"] = k5
            if rp5 is not None:
                row["rp_5"] = rp5
        eval_rows.append(row)
        report.carried.append({"tabel": "eval_row", "kode": node.kode, "nama": node.nama,
                               "catatan": Msg("rollover.eval_shift")})

    # Tabel 2.2: years shift by one
    pelayanan = []
    for item in doc.pelayanan:
        row = dict(item)
        row.update(id=new_id(), modified_at=stamp, target_n3=item.get("target_n2") or "",
                   target_n2=item.get("target_n1") or "", target_n1=item.get("target_n") or "", target_n="",
                   realisasi_n3=item.get("realisasi_n2") or "", realisasi_n2="",
                   proyeksi_n=item.get("proyeksi_n_plus1") or "", proyeksi_n_plus1="")
        pelayanan.append(row)
        report.carried.append({"tabel": "pelayanan", "kode": "", "nama": item.get("indikator") or "",
                               "catatan": Msg("rollover.years_shift")})
    if doc.usulan:
        report.dropped.append({"tabel": "usulan", "jumlah": len(doc.usulan),
                               "alasan": Msg("rollover.proposals", year=n, new=new_year)})
    if doc.declared:
        report.dropped.append({"tabel": "declared_value", "jumlah": len(doc.declared),
                               "alasan": Msg("rollover.printed")})
    from .stages import list_stages
    from .notes import list_notes

    n_stages, n_notes = len(list_stages(doc)), len(list_notes(doc))
    if n_stages:
        report.dropped.append({"tabel": "renja_stage", "jumlah": n_stages, "alasan": Msg("rollover.stages", year=n)})
    if n_notes:
        report.dropped.append({"tabel": "catatan_verifikasi", "jumlah": n_notes, "alasan": Msg("rollover.notes", year=n)})
    renstra_rows, renstra_values = renstra_mod.copy_rows(items, stamp)
    for it in items:
        report.carried.append({"tabel": "renstra_row", "kode": it.kode, "nama": it.nama, "catatan": ""})

    _write(target, info, plan_rows, inds, sds, eval_rows, pelayanan, renstra_rows, renstra_values,
           {"renja.rollover.dari": f"{doc.path.name} ({doc.document_id}, tahun {n})"})
    return report


def _write(target: Path, info: dict, plan_rows, inds, sds, eval_rows, pelayanan, renstra_rows, renstra_values,
           meta: dict) -> None:
    tmp = target.with_name(target.name + ".rollover.tmp")
    if tmp.exists():
        tmp.unlink()
    try:
        create_file(tmp).dispose()
        conn = sqlite3.connect(str(tmp))
        try:
            # a new temporary file, flushed once and renamed into place at the end: no journal needed
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            with conn:
                _insert(conn, "document", [info])
                _insert(conn, "plan_row", plan_rows)
                _insert(conn, "indikator", inds)
                _insert(conn, "sumber_dana", sds)
                _insert(conn, "eval_row", eval_rows)
                _insert(conn, "pelayanan", pelayanan)
                _insert(conn, "renstra_row", renstra_rows)
                _insert(conn, "renstra_nilai", renstra_values)
                conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", list(meta.items()))
                rowcheck.rebuild(conn)  # the new rows get their digests (checked on every open)
            bad = [r[0] for r in conn.execute("PRAGMA foreign_key_check")]
            if bad:
                raise RolloverError("rollover.inconsistent", detail=bad[0])
        finally:
            conn.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if target.exists():  # appeared meanwhile: never overwrite
            raise RolloverError("rollover.appeared", name=target.name)
        os.replace(tmp, target)
    except DocumentFileError as exc:
        raise RolloverError("rollover.because", reason=exc) from None
    finally:
        if tmp.exists():
            tmp.unlink()


__all__ = ["rollover", "RolloverReport", "RolloverError", "PAGU_FROM"]
