"""Synthetic city-sized documents for benchmarks and scale tests (never shown as real data).

:func:`build_city_document` writes a document with ``rows`` sub kegiatan spread over 40 agencies'
worth of programs (urusan/bidang pairs), each with 10 programs of 5 kegiatan, with one indicator and
one funding source per sub kegiatan, in one transaction.
"""
from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import insert

from .model import new_id, now_stamp
from .service import T_IND, T_PLAN, T_SD, RenjaDocument

AGENCIES = 40
PROGRAMS = 10
KEGIATAN = 5


def build_city_document(path: str | Path, rows: int = 50_000, seed: int = 1) -> Path:
    """Create ``path`` with ``rows`` sub kegiatan; return the path. Deterministic for a seed."""
    path = Path(path)
    rnd = random.Random(seed)
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Contoh", opd="Pemerintah Kota Contoh",
                               opd_singkat="Sintetis", kepala_nama="Nama Kepala",
                               kepala_pangkat="Pembina", kepala_jabatan="Wali Kota")
    per_kegiatan = max(1, -(-rows // (AGENCIES * PROGRAMS * KEGIATAN)))
    plan_rows: list[dict] = []
    indikator: list[dict] = []
    sumber: list[dict] = []
    stamp = now_stamp()
    blank = {c.name: None for c in T_PLAN.columns}
    for k in ("kode", "nama", "outcome", "lokasi", "catatan", "penanggung_jawab", "rkpd_nama",
              "rkpd_lokasi", "rkpd_indikator", "rkpd_target", "rkpd_catatan"):
        blank[k] = ""

    def row(parent, position, level, kode, nama, **extra):
        r = dict(blank)
        r.update(id=new_id(), parent_id=parent, position=position, level=level, kode=kode, nama=nama,
                 modified_at=stamp, **extra)
        plan_rows.append(r)
        return r["id"]

    made = 0
    urusan_ids: dict[int, str] = {}
    for a in range(AGENCIES):
        if made >= rows:
            break
        u, b = 1 + a % 8, 1 + a // 8
        if u not in urusan_ids:
            urusan_ids[u] = row(None, len(urusan_ids), 1, str(u), f"URUSAN CONTOH {u}")
        bid = row(urusan_ids[u], b - 1, 2, f"{u}.{b:02d}", f"BIDANG URUSAN CONTOH {u}.{b:02d}",
                  penanggung_jawab=f"Perangkat Daerah {a + 1}")
        for p in range(1, PROGRAMS + 1):
            if made >= rows:
                break
            pk = f"{u}.{b:02d}.{p:02d}"
            pid = row(bid, p - 1, 3, pk, f"PROGRAM CONTOH {pk}", outcome="Meningkatnya kinerja layanan")
            for k in range(1, KEGIATAN + 1):
                if made >= rows:
                    break
                kk = f"{pk}.2.{k:02d}"
                kid = row(pid, k - 1, 4, kk, f"Kegiatan contoh {kk}")
                for s in range(1, per_kegiatan + 1):
                    if made >= rows:
                        break
                    sk = f"{kk}.{s:04d}"
                    pagu = rnd.randrange(1, 5000) * 100_000
                    sid = row(kid, s - 1, 5, sk, f"Sub kegiatan contoh {sk} dengan nama yang cukup panjang",
                              lokasi="Kota Contoh", pagu=pagu, pagu_n1=pagu + rnd.randrange(0, 50) * 100_000,
                              rkpd_pagu=pagu)
                    indikator.append(dict(id=new_id(), row_id=sid, position=0, teks=f"Jumlah dokumen {sk}",
                                          target=str(rnd.randrange(1, 50)), satuan="Dokumen",
                                          target_n1=str(rnd.randrange(1, 50)), modified_at=stamp))
                    sumber.append(dict(id=new_id(), row_id=sid, position=0, kode="",
                                       nama="Dana Transfer Umum - Dana Alokasi Umum", jumlah=pagu,
                                       modified_at=stamp))
                    made += 1
    with doc.conn.begin_nested() if doc.conn.in_transaction() else doc.conn.begin():
        doc.conn.execute(insert(T_PLAN), plan_rows)
        doc.conn.execute(insert(T_IND), indikator)
        doc.conn.execute(insert(T_SD), sumber)
    doc.conn.commit()
    doc.close()
    return path
