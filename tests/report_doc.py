"""A realistic Renja document for the report tests (Kesbangpol Kota Binjai 2024, from the seed).

Built only through the core API. Names, codes and amounts are those of the seed document's Tabel
4.1, 3.1, 2.3, 2.1 and 2.2 (with the seed's known errors corrected: duplicate program code 8.01.05
is 8.01.06 here, and its empty last row is left out). Long names wrap; usulan is empty (NIHIL).
"""
from __future__ import annotations

from pathlib import Path

from renja_desktop.service import RenjaDocument

DAU = "Dana Transfer Umum - Dana Alokasi Umum"
LOKASI = "Kota Binjai, Binjai Barat, Limau Mungkur"
PJ = "Badan Kesatuan Bangsa dan Politik Kota Binjai"

# (kode, nama, pagu, rkpd_pagu, indikator, target, satuan) - pagu only on sub kegiatan
PLAN = [
    ("8", "UNSUR PEMERINTAHAN UMUM"),
    ("8.01", "KESATUAN BANGSA DAN POLITIK"),
    ("8.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/ KOTA",
     "Meningkatnya kualitas pelayanan administrasi perkantoran"),
    ("8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Tersedianya dokumen perencanaan dan evaluasi kinerja"),
    ("8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 1_000_000, 0,
     "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", "1", "Dokumen"),
    ("8.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     1_000_000, 0, "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "1", "Laporan"),
    ("8.01.01.2.02", "Administrasi Keuangan Perangkat Daerah",
     "Administrasi keuangan perangkat daerah terselenggara dengan baik"),
    ("8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 4_348_298_123, 4_328_298_122,
     "Jumlah Orang yang menerima Gaji dan Tunjangan ASN", "40", "Orang"),
    ("8.01.01.2.02.0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD", 300_000_000, 305_000_000,
     "Jumlah Dokumen Koordinasi dan Pelaksanaan Akuntansi SKPD", "12", "Dokumen"),
    ("8.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", "Peningkatan kompetensi pegawai"),
    ("8.01.01.2.05.0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", 50_000_000,
     50_000_000, "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang mengikuti pendidikan dan pelatihan",
     "5", "Orang"),
    ("8.01.01.2.06", "Administrasi Umum Perangkat Daerah", "Kelancaran pelaksanaan tugas pokok dan fungsi"),
    ("8.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/ Penerangan Bangunan Kantor", 6_000_000,
     6_000_000, "Jumlah Paket Komponen Instalasi Listrik/ Penerangan Bangunan Kantor yang disediakan",
     "25", "Paket"),
    ("8.01.01.2.06.0003", "Penyediaan Peralatan Rumah Tangga", 10_000_000, 10_000_000,
     "Jumlah paket peralatan rumah tangga yang disediakan", "2", "Paket"),
    ("8.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", 35_000_000, 35_000_000,
     "Jumlah paket bahan logistik yang disediakan", "110", "Paket"),
    ("8.01.01.2.06.0005", "Penyediaan Bahan Cetakan dan Penggandaan", 15_000_000, 15_000_000,
     "Jumlah paket barang cetakan dan penggandaan yang disediakan", "20", "Paket"),
    ("8.01.01.2.06.0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 10_000_000,
     10_000_000, "Jumlah dokumen bahan bacaan dan peraturan perundang-undangan yang disediakan", "15",
     "Dokumen"),
    ("8.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 200_000_000,
     200_000_000, "Jumlah laporan penyelenggaraan rapat koordinasi dan konsultasi SKPD", "20", "Laporan"),
    ("8.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
     "Tersedianya jasa penunjang urusan pemerintahan daerah"),
    ("8.01.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 3_500_000, 3_500_000,
     "Jumlah laporan penyediaan jasa surat menyurat", "12", "Laporan"),
    ("8.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 99_000_000,
     100_000_000, "Jumlah laporan penyediaan jasa komunikasi, sumber daya air dan listrik yang disediakan",
     "12", "Laporan"),
    ("8.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 30_000_000, 30_000_000,
     "Jumlah laporan penyediaan jasa pelayanan umum kantor yang disediakan", "12", "Laporan"),
    ("8.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Terpeliharanya barang milik daerah"),
    ("8.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan "
     "Dinas Operasional atau Lapangan", 60_000_000, 60_000_000,
     "Jumlah kendaraan dinas operasional atau lapangan yang dipelihara dan dibayarkan pajak dan perizinannya",
     "8", "Unit"),
    ("8.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya", 9_000_000, 10_000_000,
     "Jumlah peralatan dan mesin lainnya yang dipelihara", "15", "Unit"),
    ("8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN",
     "Meningkatnya pemahaman masyarakat terhadap ideologi Pancasila dan karakter kebangsaan"),
    ("8.01.02.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan "
     "Karakter Kebangsaan", "Terlaksananya kebijakan teknis bidang ideologi Pancasila"),
    ("8.01.02.2.01.0001", "Penyusunan Program Kerja di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, "
     "Karakter Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan", 70_000_000,
     70_000_000, "Jumlah Dokumen Program Kerja di bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter "
     "Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan yang disusun", "1", "Dokumen"),
    ("8.01.02.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter "
     "Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan", 353_000_000, 1_003_000_000,
     "Jumlah orang yang mengikuti pelaksanaan Kebijakan di bidang Ideologi Wawasan Kebangsaan, Bela Negara, "
     "Karakter Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan", "60", "Orang"),
    ("8.01.02.2.01.0007", "Pembinaan terhadap Aktivitas Kepaskibrakaan dan Purnapaskibraka", 2_000_000, None,
     "Laporan Hasil Pembinaan Aktivitas Kepaskibrakaan dan Laporan Hasil Pembinaan Purnapaskibraka", "1",
     "Dokumen"),
    ("8.01.02.2.01.0008", "Pembentukan Paskibraka", 650_000_000, None, "Jumlah Paskibraka", "45", "Orang"),
    ("8.01.03", "PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI PENDIDIKAN POLITIK "
     "DAN PENGEMBANGAN ETIKA SERTA BUDAYA POLITIK",
     "Meningkatnya partisipasi politik masyarakat dalam pemilihan umum"),
    ("8.01.03.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan Politik, Etika "
     "Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai "
     "Politik, Pemilihan Umum/ Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik",
     "Terlaksananya pendidikan politik bagi masyarakat"),
    ("8.01.03.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendidikan Politik, Etika Budaya Politik, "
     "Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan "
     "Umum/ Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah", 33_409_770_595,
     965_238_000, "Jumlah orang yang mengikuti pelaksanaan kebijakan di Bidang Pendidikan Politik, Etika "
     "Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai "
     "Politik, Pemilihan Umum/ Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah",
     "250", "Orang"),
    ("8.01.03.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Pendidikan Politik, Etika "
     "Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai "
     "Politik, Pemilihan Umum/ Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah",
     35_000_000, 35_000_000, "Jumlah laporan hasil monitoring, evaluasi dan pelaporan di Bidang Pendidikan "
     "Politik", "1", "Laporan"),
    ("8.01.04", "PROGRAM PEMBERDAYAAN DAN PENGAWASAN ORGANISASI KEMASYARAKATAN",
     "Meningkatnya peran serta organisasi kemasyarakatan dalam pembangunan"),
    ("8.01.04.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pemberdayaan dan "
     "Pengawasan Organisasi Kemasyarakatan", "Terlaksananya pemberdayaan ormas"),
    ("8.01.04.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, Evaluasi "
     "dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah", 35_000_000, 35_000_000,
     "Jumlah Orang yang mengikuti Pelaksanaan Kebijakan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, "
     "Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah", "60", "Orang"),
    ("8.01.05", "PROGRAM PEMBINAAN DAN PENGEMBANGAN KETAHANAN EKONOMI, SOSIAL, DAN BUDAYA",
     "Meningkatnya peran generasi muda bebas narkoba"),
    ("8.01.05.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ketahanan Ekonomi, Sosial "
     "dan Budaya", "Terlaksananya pembinaan ketahanan ekonomi, sosial dan budaya"),
    ("8.01.05.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi "
     "Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di "
     "Daerah", 130_000_000, 130_000_000, "Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang "
     "Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika", "170", "Orang"),
    ("8.01.05.2.01.0004", "Pelaksanaan Koordinasi di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi "
     "Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di "
     "Daerah", 80_000_000, 80_000_000, "Jumlah orang yang mengikuti Koordinasi di Bidang Ketahanan Ekonomi, "
     "Sosial, Budaya", "30", "Orang"),
    ("8.01.06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN KUALITAS DAN FASILITASI PENANGANAN "
     "KONFLIK SOSIAL", "Menurunnya potensi konflik sosial di Kota Binjai"),
    ("8.01.06.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Kewaspadaan Nasional dan "
     "Penanganan Konflik Sosial", "Terlaksananya kewaspadaan dini dan penanganan konflik sosial"),
    ("8.01.06.2.01.0002", "Penyusunan Bahan Perumusan Kebijakan di Bidang Kewaspadaan Dini, Kerja Sama "
     "Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan antar "
     "Negara, Fasilitasi Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah", 135_000_000,
     135_000_000, "Jumlah Kebijakan di Bidang Kewaspadaan Dini, Kerja Sama Intelijen, Pemantauan Orang Asing",
     "1", "Dokumen"),
    ("8.01.06.2.01.0003", "Pelaksanaan Kebijakan di Bidang Kewaspadaan Dini, Kerja Sama Intelijen, Pemantauan "
     "Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan antar Negara, Fasilitasi "
     "Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah", 1_000_000, 1_000_000,
     "Jumlah orang yang mengikuti pelaksanaan kebijakan di bidang kewaspadaan dini", "100", "Orang"),
    ("8.01.06.2.01.0004", "Pelaksanaan Koordinasi di Bidang Kewaspadaan Dini, Kerja Sama Intelijen, Pemantauan "
     "Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan antar Negara, Fasilitasi "
     "Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah", 65_000_000, 64_000_000,
     "Jumlah orang yang mengikuti koordinasi di bidang kewaspadaan dini", "25", "Orang"),
    ("8.01.06.2.01.0006", "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/ Kota", 2_000_000, None,
     "Jumlah Dokumen Hasil Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/ Kota", "1", "Dokumen"),
]

# Tabel 2.1 (evaluation of 2022): (kode, nama, indikator, satuan, k5, rp5, k6, rp6, k7, rp7, k12, rp12)
EVAL = [
    ("8.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota"),
    ("8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
    ("8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen yang tersusun",
     "Dokumen", "5", 41_121_973, "1", 7_499_900, "1", 0, "1", 0),
    ("8.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "Laporan", "5", 46_471_477, "1",
     8_249_900, "1", 0, "1", 0),
    ("8.01.01.2.02", "Administrasi Keuangan Perangkat Daerah"),
    ("8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Gaji dan tunjangan ASN yang dibayarkan",
     "Tahun", "5", 25_540_525_895, "1", 5_516_437_124, "1", 4_126_592_221, "1", 3_924_184_088),
    ("8.01.01.2.02.0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "Laporan Akuntansi SKPD yang tersusun",
     "Laporan", "5", 757_195_274, "1", 290_577_232, "1", 292_154_918, "1", 291_992_810),
    ("8.01.01.2.06", "Administrasi Umum Perangkat Daerah"),
    ("8.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "Jenis dan jumlah bahan logistik kantor yang dibeli",
     "Tahun", "5", 586_500_000, "1", 69_833_400, "1", 61_763_318, "1", 61_337_202),
    ("8.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "Jumlah rapat-rapat koordinasi dan konsultasi ke luar daerah", "Tahun", "5", 906_000_000, "1",
     53_511_966, "1", 121_086_000, "1", 115_059_677),
    ("8.01.02", "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan"),
    ("8.01.02.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan "
     "Karakter Kebangsaan"),
    ("8.01.02.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter "
     "Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan",
     "Jumlah masyarakat yang terlibat dalam pembangunan karakter bangsa dan ideologi Pancasila", "Orang",
     "250", 130_770_000, "0", 0, "60", 34_722_073, "60", 34_722_073),
    ("8.01.02.2.01.0001", "Penyusunan Program Kerja di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, "
     "Karakter Bangsa, Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan",
     "Persentase program kerja yang tersusun", "%", "100", None, "100", 108_707_200, "100", 178_498_345,
     "100", 165_812_845),
    ("8.01.05", "Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial dan Budaya"),
    ("8.01.05.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ketahanan Ekonomi, Sosial "
     "dan Budaya"),
    ("8.01.05.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi "
     "Pencegahan Penyalahgunaan Narkoba", "Jumlah Koordinasi Satgas anti NAPZA", "Kegiatan", "5", None, None,
     None, "1", 126_096_842, "1", 93_024_842),
    ("8.01.05.2.01.0004", "Pelaksanaan Koordinasi di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi "
     "Kerukunan Umat Beragama", "Jumlah rapat koordinasi forum kerukunan umat beragama Kota Binjai",
     "Kegiatan", "5", 123_000_000, None, None, "1", 87_262_712, "1", 80_622_282),
]

PELAYANAN = [
    ("Persentase konflik keagamaan yang terselesaikan", "100%", "100%", "Tidak ada konflik tahun 2022"),
    ("Jumlah pembinaan terhadap kelompok masyarakat (etnis) dalam pemahaman wawasan kebangsaan", "20", "20", "-"),
    ("Jumlah pembinaan terhadap partai politik", "9 Parpol", "9 Parpol", "-"),
    ("Jumlah pembinaan terhadap LSM, Ormas, dan OKP", "1", "0",
     "Tahun 2022 tidak dilaksanakan karena keterbatasan anggaran"),
    ("Jumlah ormas bidang ekonomi, sosial budaya yang mendapat pembinaan", "1", "1", "-"),
    ("Jumlah konflik sosial berlatar belakang SARA yang tertangani", "1", "0", "Tidak ada konflik tahun 2022"),
    ("Persentase potensi konflik yang ditangani", "100%", "100%", "-"),
]

NIP = "196706211997021002"
KEPALA = "Drs. RUSLIANTO, M.Pd"


def build_binjai(path: str | Path, usulan: bool = False) -> Path:
    """Write the Binjai 2024 document to ``path`` and return the path."""
    path = Path(path)
    doc = RenjaDocument.create(
        path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesatuan Bangsa dan Politik",
        opd_singkat="Badan Kesbangpol", renstra_mulai=2021, renstra_selesai=2026,
        nomenklatur_versi="Kepmendagri 900.1.15.5-1317/2023", judul="Rencana Kerja Perangkat Daerah",
        tempat="Binjai", tanggal="Juni 2023",
        kepala_jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai",
        kepala_nama=KEPALA, kepala_pangkat="Pembina Utama Muda", kepala_nip=NIP,
    )
    try:
        with doc.batch():
            ids: dict[str, str] = {}
            for entry in PLAN:
                kode, nama = entry[0], entry[1]
                parent = ids.get(kode.rsplit(".", 1)[0]) if "." in kode else None
                if kode.count(".") == 4:  # kegiatan: parent is the program (two segments added)
                    parent = ids[".".join(kode.split(".")[:3])]
                if len(entry) == 7:
                    _, _, pagu, rkpd, teks, target, satuan = entry
                    fields = dict(pagu=pagu, pagu_n1=pagu + pagu // 20, lokasi=LOKASI, penanggung_jawab=PJ,
                                  outcome="Tersedianya " + nama[0].lower() + nama[1:])
                    if rkpd is not None:
                        fields.update(rkpd_pagu=rkpd, rkpd_lokasi="Kota Binjai", rkpd_indikator=teks,
                                      rkpd_target=f"{target} {satuan}")
                    rid = doc.add_plan_row(parent, kode, nama, **fields)
                    doc.set_indikator(rid, [{"teks": teks, "target": target, "satuan": satuan,
                                             "target_n1": target}])
                    doc.set_sumber_dana(rid, [{"nama": DAU, "jumlah": pagu}])
                else:
                    fields = {}
                    if len(entry) == 3:
                        fields["outcome"] = entry[2]
                    rid = doc.add_plan_row(parent, kode, nama, lokasi="Kota Binjai", **fields)
                ids[kode] = rid
            # a sub kegiatan funded from two sources, and one with two indicators
            two = ids["8.01.02.2.01.0003"]
            doc.set_sumber_dana(two, [{"nama": DAU, "jumlah": 300_000_000},
                                      {"nama": "Pendapatan Asli Daerah (PAD)", "jumlah": 53_000_000}])
            doc.set_indikator(ids["8.01.01.2.02.0001"], [
                {"teks": "Jumlah Orang yang menerima Gaji dan Tunjangan ASN", "target": "40",
                 "satuan": "Orang", "target_n1": "42"},
                {"teks": "Jumlah bulan gaji dan tunjangan yang dibayarkan", "target": "14",
                 "satuan": "Bulan", "target_n1": "14"},
            ])
            doc.set_plan(ids["8.01.01.2.02.0001"], catatan="Termasuk gaji ke-13 dan ke-14")

            eids: dict[str, str] = {}
            for entry in EVAL:
                kode, nama = entry[0], entry[1]
                parent = None
                if kode.count(".") == 4:
                    parent = eids.get(".".join(kode.split(".")[:3]))
                elif kode.count(".") == 5:
                    parent = eids.get(kode.rsplit(".", 1)[0])
                level = {2: 3, 4: 4, 5: 5}[kode.count(".")]
                fields = {"penanggung_jawab": PJ}
                if len(entry) > 2:
                    (_, _, ind, sat, k5, rp5, k6, rp6, k7, rp7, k12, rp12) = entry
                    fields.update(indikator=ind, satuan=sat, k_5=k5, rp_5=rp5, k_6=k6, rp_6=rp6,
                                  k_7=k7, rp_7=rp7, k_12=k12, rp_12=rp12,
                                  sasaran="Meningkatnya kualitas pelayanan dan kinerja perangkat daerah")
                eids[kode] = doc.add_eval_row(parent, kode, nama, level=level, **fields)

            for ind, target, real, note in PELAYANAN:
                doc.add_list_item("pelayanan", indikator=ind, target_n3=target, target_n2=target,
                                  target_n1=target, target_n=target, realisasi_n3=target,
                                  realisasi_n2=real, proyeksi_n=target, proyeksi_n_plus1=target,
                                  catatan=note)
            if usulan:
                doc.add_list_item("usulan", program_kegiatan="Pelatihan wawasan kebangsaan bagi pemuda "
                                  "kelurahan se-Kota Binjai", lokasi="Kecamatan Binjai Utara",
                                  indikator="Jumlah pemuda yang mengikuti pelatihan", volume="120 orang",
                                  catatan="Usulan Musrenbang Kecamatan")
    finally:
        doc.close()
    return path
