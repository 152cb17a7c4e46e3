"""Helpers for the exchange tests: small documents, copies of the sample, byte/hash snapshots."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.service import RenjaDocument


def small_document(path: Path, subs: int = 6) -> Path:
    """A small but complete Renja: urusan 8 > bidang 8.01 > 2 programs > kegiatan > sub kegiatan."""
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesatuan Bangsa dan Politik",
                               opd_singkat="Badan Kesbangpol")
    with doc.batch():
        u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
        b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
        for p in (1, 2):
            pid = doc.add_plan_row(b, f"8.01.0{p}", f"PROGRAM CONTOH {p}")
            k = doc.add_plan_row(pid, f"8.01.0{p}.2.01", f"Kegiatan contoh {p}")
            for s in range(1, subs // 2 + 1):
                sid = doc.add_plan_row(k, f"8.01.0{p}.2.01.{s:04d}", f"Sub kegiatan {p}.{s}",
                                       pagu=str(1_000_000 * s), lokasi="Kota Binjai")
                doc.set_indikator(sid, [{"teks": f"Jumlah dokumen {p}.{s}", "target": "12", "satuan": "Dokumen"}])
                doc.set_sumber_dana(sid, [{"nama": "Dana Alokasi Umum", "jumlah": None}])
        doc.add_list_item("pelayanan", indikator="Persentase layanan", target_n="100")
        doc.add_list_item("usulan", program_kegiatan="Sosialisasi", lokasi="Binjai Barat")
    doc.close()
    return path


def file_bytes_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def state(path: Path) -> tuple[str, str]:
    """(bytes hash, content hash) of a document file: 'no good file changed' compares these."""
    return file_bytes_hash(path), content_hash_of(path)


def sub_kegiatan_ids(path: Path) -> list[str]:
    with RenjaDocument.open(path, readonly=True) as doc:
        return [n.id for n in doc.plan.walk() if n.level == 5]
