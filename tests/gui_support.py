"""A small Renja built through the core API for the GUI tests (shaped like the Binjai seed)."""
from __future__ import annotations

from pathlib import Path

from renja_desktop.service import RenjaDocument

DAU = "Dana Transfer Umum - Dana Alokasi Umum"


def build_small_document(path: Path) -> RenjaDocument:
    """Urusan 8 > 8.01 > two programs with kegiatan and sub kegiatan, evaluation rows, lists."""
    doc = RenjaDocument.create(
        path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesatuan Bangsa dan Politik",
        opd_singkat="Badan Kesbangpol", tempat="Binjai", tanggal="Juni 2023",
        kepala_jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai",
        kepala_nama="Drs. Ruslianto, M.Pd", kepala_pangkat="Pembina",
    )
    doc.set_document(kepala_nip="196706211997021002", renstra_mulai=2021, renstra_selesai=2026)
    ids: dict[str, str] = {}
    with doc.batch():
        ids["8"] = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
        ids["8.01"] = doc.add_plan_row(ids["8"], "8.01", "BADAN KESATUAN BANGSA DAN POLITIK")
        ids["8.01.01"] = doc.add_plan_row(ids["8.01"], "8.01.01",
                                          "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/ KOTA",
                                          outcome="Meningkatnya kualitas pelayanan administrasi perkantoran")
        ids["8.01.01.2.01"] = doc.add_plan_row(ids["8.01.01"], "8.01.01.2.01",
                                               "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah")
        ids["8.01.01.2.01.0001"] = doc.add_plan_row(
            ids["8.01.01.2.01"], "8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            pagu="1.000.000", pagu_n1="1.100.000", rkpd_pagu="1.000.000", lokasi="Kota Binjai")
        ids["8.01.01.2.01.0006"] = doc.add_plan_row(
            ids["8.01.01.2.01"], "8.01.01.2.01.0006",
            "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
            pagu="1.000.000", pagu_n1="1.000.000", rkpd_pagu="1.500.000", lokasi="Kota Binjai")
        ids["8.01.01.2.02"] = doc.add_plan_row(ids["8.01.01"], "8.01.01.2.02", "Administrasi Keuangan Perangkat Daerah")
        ids["8.01.01.2.02.0001"] = doc.add_plan_row(
            ids["8.01.01.2.02"], "8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
            pagu="4.348.298.123", pagu_n1="4.500.000.000", rkpd_pagu="4.348.298.123", lokasi="Kota Binjai")
        ids["8.01.02"] = doc.add_plan_row(ids["8.01"], "8.01.02",
                                          "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN")
        ids["8.01.02.2.01"] = doc.add_plan_row(
            ids["8.01.02"], "8.01.02.2.01",
            "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter Kebangsaan")
        ids["8.01.02.2.01.0008"] = doc.add_plan_row(
            ids["8.01.02.2.01"], "8.01.02.2.01.0008", "Pembentukan Paskibraka",
            pagu="650.000.000", pagu_n1="700.000.000", rkpd_pagu="600.000.000", lokasi="Kota Binjai")
    for kode in ("8.01.01.2.01.0001", "8.01.01.2.01.0006", "8.01.01.2.02.0001", "8.01.02.2.01.0008"):
        doc.set_sumber_dana(ids[kode], [{"nama": DAU, "jumlah": None}])
    doc.set_indikator(ids["8.01.01.2.01.0001"], [
        {"teks": "Jumlah dokumen perencanaan yang tersusun", "target": "5", "satuan": "Dokumen", "target_n1": "5"}])
    doc.set_indikator(ids["8.01.02.2.01.0008"], [
        {"teks": "Jumlah anggota Paskibraka yang dibentuk", "target": "70", "satuan": "Orang", "target_n1": "70"}])
    # Tabel 2.1
    with doc.batch():
        e1 = doc.add_eval_row(None, "8.01.01", "Program Penunjang Urusan Pemerintahan Daerah", level=3)
        e2 = doc.add_eval_row(e1, "8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah")
        doc.add_eval_row(e2, "8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                         indikator="Jumlah Dokumen yang tersusun", satuan="Dokumen",
                         k_5="5", rp_5="41.121.973", k_6="1", rp_6="7.499.900", k_7="1", rp_7="0",
                         k_12="1", rp_12="0", penanggung_jawab="Badan Kesbangpol")
        doc.add_eval_row(e2, "8.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja",
                         indikator="Jumlah Laporan Capaian Kinerja", satuan="Laporan",
                         k_5="5", rp_5="46.471.477", k_6="1", rp_6="8.249.900", k_7="1", rp_7="10.000.000",
                         k_8="0", k_9="0", k_10="0", k_11="1", rp_8="2.000.000", rp_9="2.000.000",
                         rp_10="3.000.000", rp_11="2.500.000", penanggung_jawab="Badan Kesbangpol")
    doc.add_list_item("pelayanan", indikator="Persentase ormas yang aktif", target_n="80", proyeksi_n="80")
    doc.add_list_item("usulan", program_kegiatan="Pembentukan Paskibraka", lokasi="Kota Binjai",
                      indikator="Jumlah anggota Paskibraka", volume="70 orang")
    return doc


def ids_by_kode(doc: RenjaDocument) -> dict[str, str]:
    return {n.kode: n.id for n in doc.plan.walk()}
